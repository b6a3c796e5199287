import Foundation
import Testing
import _SurveyTestSupport

/// End-to-end: recodes and derived variables in `check`, the tidy data, the data package and
/// the tables.
@Suite("survey-pipe: recodes and derived variables")
struct TransformTests {
  func survey() throws -> TemporaryDirectory {
    let folder = try TemporaryDirectory("transforms")
    try folder.write("codebook.yml", ReviewerRoundTripTests.codebook)
    try folder.write("pipeline.yml", ReviewerRoundTripTests.pipeline)
    try folder.write("batch.csv", ReviewerRoundTripTests.batch)
    try folder.write("decisions.csv", ReviewerRoundTripTests.header)
    return folder
  }

  @Test("check lists the new variables; run writes them to the tidy data, the package and the tables")
  func outputs() throws {
    let folder = try survey()
    let check = try SurveyPipeBinary.run(["check", "pipeline.yml"], in: folder.path)
    #expect(check.status == 0)
    #expect(check.stdout.contains("recodes: 1; new variables: country, years_abroad, age_group"))
    let run = try SurveyPipeBinary.run(["run", "pipeline.yml", "--quiet"], in: folder.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try folder.read("out/tidy/survey.csv").hasPrefix("id,sex,age,year_left,year_return,country_text,w,country,years_abroad,age_group,weight\n"))
    let package = try folder.read("out/tidy/datapackage.json")
    #expect(package.contains(#"{"name": "years_abroad", "type": "integer"}"#))
    #expect(package.contains(#"{"name": "age_group", "type": "integer", "constraints": {"enum": [1, 2, 3]}, "categories": [{"value": 1, "label": "18-39"}"#))
    #expect(try folder.read("out/tables/age_by_group.csv").hasPrefix("statistic,variable,level,age_group,estimate"))
    #expect(try folder.read("out/tables.md").contains("40-59"))
  }

  @Test("check names the file, line and key of a recode or derive that does not fit the codebook", arguments: [
    ("    - {name: years_abroad, expression: \"year_return - year_gone\", type: integer}",
     "pipeline.yml:9: clean.derive[0].expression: 'year_gone' is not a variable of the codebook"),
    ("    - {name: years_abroad, expression: \"country_text - year_left\", type: integer}",
     "pipeline.yml:9: clean.derive[0].expression: 'country_text' is text; arithmetic needs numbers"),
  ])
  func checkErrors(line: String, message: String) throws {
    let folder = try survey()
    try folder.write(
      "pipeline.yml",
      ReviewerRoundTripTests.pipeline.replacingOccurrences(
        of: "    - {name: years_abroad, expression: \"year_return - year_left\", type: integer}", with: line))
    let check = try SurveyPipeBinary.run(["check", "pipeline.yml"], in: folder.path)
    #expect(check.status == 1)
    #expect(check.stderr.contains(message), "\(check.stderr)")
  }

  @Test("a table may not break down by a derived variable computed from personal data")
  func piiDerived() throws {
    let folder = try survey()
    try folder.write(
      "pipeline.yml",
      ReviewerRoundTripTests.pipeline.replacingOccurrences(
        of: "    - {name: age_group,", with: "    - {name: has_phone, expression: \"present(phone)\"}\n    - {name: age_group,")
        .replacingOccurrences(of: "by: [age_group]", with: "by: [has_phone]"))
    let check = try SurveyPipeBinary.run(["check", "pipeline.yml"], in: folder.path)
    #expect(check.status == 1)
    #expect(check.stderr.contains("tables[0].by: 'has_phone' is personal data (pii)"), "\(check.stderr)")
  }
}
