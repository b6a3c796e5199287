import SurveyCore
import SurveyIngest
import Testing
import _SurveyTestSupport

@testable import SurveyValidate

@Suite("the Moldova fixture's planted errors")
struct MoldovaFixtureTests {
  /// `batch|line|record|variable|rule|severity` of a finding.
  static func key(_ batch: String?, _ line: Int?, _ record: String?, _ variable: String?, _ rule: String, _ severity: String) -> String {
    [batch ?? "", line.map(String.init) ?? "", record ?? "", variable ?? "", rule, severity].joined(separator: "|")
  }

  @Test("ingest and validate find exactly the planted errors of expected-findings.csv")
  func exactlyThePlantedFindings() throws {
    let pipeline = try Pipeline.load(path: Fixtures.repoPath("pipelines/moldova-migrant-health.yml"))
    let codebook = try Codebook.load(path: pipeline.codebookPath)
    let ingest = try Ingest.read(try Ingest.sources(for: pipeline), schema: IngestSchema(codebook: codebook))
    let findings = ingest.findings + (try Validate.run(ingest.table, codebook: codebook))
    let found = findings.map { Self.key($0.batch, $0.line, $0.recordID, $0.variable, $0.rule.rawValue, $0.severity.rawValue) }
    // Decision findings come from cleaning, nonresponse findings from weighting (both checked
    // end to end in SurveyPipeTests).
    let expected = Fixtures.simpleCSV(try Fixtures.text("moldova/expected-findings.csv"))
      .filter { !($0["rule"]!.hasPrefix("decision-")) && $0["rule"] != "nonresponse-class" }
      .map { Self.key($0["batch"], Int($0["line"]!), $0["record_id"], $0["variable"], $0["rule"]!, $0["severity"]!) }
    #expect(expected.count == 13)
    #expect(found.sorted() == expected.sorted())
    #expect(ingest.table.rowCount == 24 + 12 + 25)
    #expect(ingest.batches.map(\.encoding) == [.utf8, .windows1251, .utf8])
    #expect(ingest.batches.map(\.delimiter) == [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ",")])
    #expect(ingest.batches[0].byteOrderMark)
  }
}
