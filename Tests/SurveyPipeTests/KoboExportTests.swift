import Foundation
import Testing
import _SurveyTestSupport

/// fixtures/kobo-export: a KoboToolbox and an ODK Central export read as they come.
@Suite("survey-pipe run: Kobo and ODK exports as they come")
struct KoboExportTests {
  static let pipeline = Fixtures.path("kobo-export/pipeline.yml")

  @Test("validation.csv holds exactly the findings of expected-findings.csv")
  func plantedFindings() throws {
    let folder = try TemporaryDirectory("kobo-export")
    let out = folder.url.appendingPathComponent("out")
    let result = try SurveyPipeBinary.run(["run", Self.pipeline, "--out", out.path, "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    let columns = ["batch", "line", "record_id", "variable", "rule", "severity"]
    func keys(_ rows: [[String: String]]) -> [String] {
      rows.map { row in columns.map { row[$0] ?? "" }.joined(separator: "|") }.sorted()
    }
    let found = Fixtures.simpleCSV(try String(contentsOf: out.appendingPathComponent("validation.csv"), encoding: .utf8))
    let expected = Fixtures.simpleCSV(try Fixtures.text("kobo-export/expected-findings.csv"))
    #expect(expected.count == 9)
    #expect(keys(found) == keys(expected))
  }

  @Test("the tidy data holds the space-separated multi-selects, the first of two columns, the named meta columns")
  func tidyData() throws {
    let folder = try TemporaryDirectory("kobo-export")
    let out = folder.url.appendingPathComponent("out")
    _ = try SurveyPipeBinary.run(["run", Self.pipeline, "--out", out.path, "--quiet"])
    let tidy = CSVTable(try String(contentsOf: out.appendingPathComponent("tidy/survey.csv"), encoding: .utf8))
    #expect(tidy.header == ["respondent_id", "sex", "age", "symptoms", "visits", "instanceID", "_submission_time"])
    var byID: [String: [String: CSVTable.Cell]] = [:]
    for row in tidy.rows {
      if let id = row["respondent_id"]?.text { byID[id] = row }
    }
    #expect(byID.count == 8)
    #expect(byID["K002"]?["symptoms"]?.text == "fever")
    #expect(byID["K003"]?["symptoms"]?.text == "cough pain")
    #expect(byID["O003"]?["symptoms"]?.isMissing == true)
    #expect(byID["O002"]?["symptoms"]?.text == "cough")
    #expect(byID["K001"]?["age"]?.text == "34")
    #expect(byID["K001"]?["instanceID"]?.text == "uuid:0f1c")
    #expect(byID["O001"]?["instanceID"]?.text == "uuid:9a01")
    #expect(byID["O001"]?["_submission_time"]?.text == "2026-03-05T08:10:00.000Z")
  }
}
