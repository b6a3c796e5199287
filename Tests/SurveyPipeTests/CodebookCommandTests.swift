import Foundation
import Testing
import _SurveyTestSupport

@Suite("survey-pipe codebook: an XLSForm translated")
struct CodebookCommandTests {
  @Test("writes a codebook that check reads, lists what it left out on stderr, exit 0")
  func translates() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("codebook-\(UUID().uuidString).yml").path
    defer { try? FileManager.default.removeItem(atPath: out) }
    let form = Fixtures.path("xlsform/moldova-form.xlsx")
    let result = try SurveyPipeBinary.run(["codebook", form, "--id", "respondent_id", "--missing-codes", "98,99", "--out", out])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("moldova-form.xlsx: survey row 25: household: a repeat group"))
    #expect(result.stderr.contains("codebook: 18 variables, 4 left out: \(out)"))
    let yaml = try String(contentsOfFile: out, encoding: .utf8)
    #expect(yaml.hasPrefix("# Translated from moldova-form.xlsx"))
    #expect(yaml.contains("#   survey row 29: broken: its choice list 'nolist' is not in the choices sheet; left out"))
    #expect(yaml.contains("  - name: \"phone\"\n    type: text\n    pii: true"))
  }

  @Test("a file that is not an XLSForm and an unknown --id: exit 1 naming the file")
  func refusals() throws {
    let csv = Fixtures.path("r-reference/apiclus1.csv")
    let notForm = try SurveyPipeBinary.run(["codebook", csv, "--id", "cds"])
    #expect(notForm.status == 1)
    #expect(notForm.stderr.contains("apiclus1.csv: not an Excel workbook (.xlsx): it is not a ZIP file"), "\(notForm.stderr)")
    let form = Fixtures.path("xlsform/moldova-form.xlsx")
    let unknown = try SurveyPipeBinary.run(["codebook", form, "--id", "rid"])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("--id 'rid' is not a question of the form"), "\(unknown.stderr)")
  }
}
