import Foundation
import Testing
import _SurveyTestSupport

/// A pipeline whose codebook is the XLSForm fixture (`codebook: form.xlsx` with
/// `codebook_options`), run on a three-record export with planted errors: each is found through
/// a rule the translation made.
@Suite("a pipeline reading its codebook from an XLSForm")
struct XLSFormPipelineTests {
  static let export = """
    respondent_id,start,end,sex,age,region,migrant_status,destination,year_departed,year_returned,years_abroad,insured_abroad,insured_cnam,symptoms,symptoms_other,oop_cost,last_visit
    R1,2026-03-02T09:00:00+02:00,2026-03-02T09:40:00+02:00,1,34,1,2,IT,2015,2012,,1,1,fever,,120,2026-02-10
    R2,2026-03-02T10:00:00+02:00,2026-03-02T10:30:00+02:00,2,17,2,3,,,,,,0,fever cough pain,,35.5,2026-01-05
    R3,2026-03-03T11:00:00+02:00,2026-03-03T11:50:00+02:00,2,45,5,1,RU,2010,,,98,1,other,a long description,0,2026-03-01

    """

  func folder(codebookOptions: String?) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsform-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try Self.export.write(toFile: folder + "/survey.csv", atomically: true, encoding: .utf8)
    let options = codebookOptions.map { "codebook_options: \($0)\n" } ?? ""
    try """
      name: xlsform-demo
      codebook: \(Fixtures.path("xlsform/moldova-form.xlsx"))
      \(options)inputs: [survey.csv]
      output: out

      """.write(toFile: folder + "/pipeline.yml", atomically: true, encoding: .utf8)
    return folder
  }

  @Test("the planted errors are found through the translated rules; untranslated constructs are warned about")
  func run() throws {
    let folder = try folder(codebookOptions: "{id: respondent_id, missing_codes: [\"98\", \"99\"], language: English}")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let result = try SurveyPipeBinary.run(["run", "pipeline.yml", "--quiet"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("survey row 25: household: a repeat group"))
    let findings = Fixtures.simpleCSV(try String(contentsOfFile: folder + "/out/validation.csv", encoding: .utf8))
    let found = Set(findings.map { "\($0["rule"] ?? "") \($0["variable"] ?? "") \($0["record_id"] ?? "")" })
    #expect(
      found == [
        "missing-column phone ", "constraint year_returned R1", "relevant oop_cost R2", "code symptoms R2",
        "constraint age R2",
      ])
    // R3's insured_abroad 98 is the survey-wide Don't know (the form's yes_no list offers it; the
    // translation makes it a missing code): blanked and logged, not an error.
    let log = try String(contentsOfFile: folder + "/out/cleaning-log.csv", encoding: .utf8)
    #expect(log.contains("R3,insured_abroad,98,,missing-code"))
  }

  @Test("pipelines/xlsform-kobo.yml: the form's Kobo export gives exactly expected-findings.csv")
  func koboExport() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("xlsform-kobo-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: out) }
    let result = try SurveyPipeBinary.run(["run", Fixtures.path("../pipelines/xlsform-kobo.yml"), "--out", out, "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    func key(_ row: [String: String]) -> String {
      ["batch", "line", "record_id", "variable", "rule", "severity"].map { row[$0] ?? "" }.joined(separator: "|")
    }
    let found = Fixtures.simpleCSV(try String(contentsOfFile: out + "/validation.csv", encoding: .utf8)).map(key)
    let expected = Fixtures.simpleCSV(try Fixtures.text("xlsform/expected-findings.csv")).map(key)
    #expect(found.sorted() == expected.sorted())
    // K008's insured_cnam 98 is Don't know: a missing code (logged), not a finding.
    let log = try String(contentsOfFile: out + "/cleaning-log.csv", encoding: .utf8)
    #expect(log.contains("K008,insured_cnam,98,,missing-code"))
  }

  @Test("pipelines/xlsform-kobo-labels.yml: the same export made with labels gives the same tidy data and findings")
  func koboLabelsExport() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("xlsform-labels-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: base) }
    for name in ["xlsform-kobo", "xlsform-kobo-labels"] {
      let result = try SurveyPipeBinary.run(
        ["run", Fixtures.path("../pipelines/\(name).yml"), "--out", "\(base)/\(name)", "--quiet"])
      #expect(result.status == 0, "\(result.stderr)")
    }
    func text(_ run: String, _ file: String) throws -> String {
      try String(contentsOfFile: "\(base)/\(run)/\(file)", encoding: .utf8)
    }
    #expect(try text("xlsform-kobo-labels", "tidy/survey.csv") == text("xlsform-kobo", "tidy/survey.csv"))
    // The cleaning log names the codes the labels stand for: K008's "Don't know" is 98.
    #expect(
      try text("xlsform-kobo-labels", "cleaning-log.csv").replacingOccurrences(of: "kobo-export-labels.csv", with: "kobo-export.csv")
        == text("xlsform-kobo", "cleaning-log.csv"))
    func key(_ row: [String: String]) -> String {
      // The geopoint column left out is named by its header: 'Location of the household' here.
      let variable = row["variable"] == "Location of the household" ? "location" : row["variable"] ?? ""
      return [row["line"] ?? "", row["record_id"] ?? "", variable, row["rule"] ?? "", row["severity"] ?? "", row["value"] ?? ""]
        .joined(separator: "|")
    }
    let labelled = Fixtures.simpleCSV(try text("xlsform-kobo-labels", "validation.csv")).map(key)
    let coded = Fixtures.simpleCSV(try text("xlsform-kobo", "validation.csv")).map(key)
    #expect(labelled.count == 11)
    #expect(labelled.sorted() == coded.sorted())
  }

  @Test("an XLSForm codebook without codebook_options is refused, naming the pipeline's line")
  func needsOptions() throws {
    let folder = try folder(codebookOptions: nil)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let result = try SurveyPipeBinary.run(["run", "pipeline.yml"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("pipeline.yml:2: codebook: an XLSForm codebook needs codebook_options"), "\(result.stderr)")
  }
}
