import SurveyCore
import SurveyIngest
import SurveyValidate
import Testing
import _SurveyTestSupport

@testable import SurveyClean

@Suite("clean: resubmitted copies")
struct ResubmissionCleanTests {
  static let codebook = try! Codebook.parse(
    yaml: """
      survey: resubmissions
      id: rid
      variables:
        - {name: rid, type: text, unique: true}
        - {name: age, type: integer}
        - {name: uuid, type: text}
      """)

  @Test("a copy is dropped as resubmission before duplicate ids; the same id with other content is a duplicate-id")
  func drops() throws {
    let folder = try TemporaryDirectory("resubmission")
    let path = try folder.write("b.csv", "rid,age,uuid\nR1,30,u1\nR2,40,u2\nR1,30,u1\nR1,31,u1\n")
    let ingest = try Ingest.read(
      [BatchSource(path: path, name: "b.csv", read: ReadOptions())], schema: IngestSchema(codebook: Self.codebook))
    let findings = try Validate.run(ingest.table, codebook: Self.codebook, checks: ChecksSpec(resubmissions: "uuid"))
    let result = Clean.run(ingest.table, codebook: Self.codebook, findings: findings, policy: CleanPolicy())
    #expect(result.changes.map { "\($0.line):\($0.reason)" } == ["4:resubmission", "5:duplicate-id"])
    #expect(result.droppedRecords == 2 && result.table.rowCount == 2)
    #expect(result.rawRecords == result.table.rowCount + result.droppedRecords)
    // Without the check the copy is an ordinary duplicate id.
    let plain = Clean.run(
      ingest.table, codebook: Self.codebook, findings: try Validate.run(ingest.table, codebook: Self.codebook),
      policy: CleanPolicy())
    #expect(plain.changes.map { "\($0.line):\($0.reason)" } == ["4:duplicate-id", "5:duplicate-id"])
  }
}
