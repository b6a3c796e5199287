import SurveyCore
import SurveyIngest
import SurveyValidate
import Testing
import _SurveyTestSupport

@testable import SurveyClean

/// An id variable the codebook does not mark `unique: true`.
let plainIDCodebook = try! Codebook.parse(
  yaml: """
    survey: plain-id
    id: respondent_id
    variables:
      - {name: respondent_id, type: text}
      - {name: age, type: integer}
    """)

@Suite("Clean: duplicate ids")
struct DuplicateIDTests {
  func cleaned(_ policy: DuplicatePolicy) throws -> CleanResult {
    let folder = try TemporaryDirectory("dup")
    let path = try folder.write("b.csv", "respondent_id,age\nR1,30\nR2,40\nR1,50\nR3,60\nR3,61\n")
    let ingest = try Ingest.read(
      [BatchSource(path: path, name: "b.csv", read: ReadOptions())], schema: IngestSchema(codebook: plainIDCodebook))
    let findings = try Validate.run(ingest.table, codebook: plainIDCodebook)
    #expect(!findings.contains { $0.rule == .unique })
    return Clean.run(ingest.table, codebook: plainIDCodebook, findings: findings, policy: CleanPolicy(duplicates: policy))
  }

  @Test("keep-first drops later records of an id even when the codebook lacks unique: true")
  func keepFirst() throws {
    let result = try cleaned(.keepFirst)
    #expect(log(result) == ["R1::>:duplicate-id", "R3::>:duplicate-id"])
    #expect(result.table.column("age")?.numbers == [30, 40, 60])
  }

  @Test("drop-all drops every record of a repeated id; keep keeps them all")
  func dropAllAndKeep() throws {
    #expect(try cleaned(.dropAll).table.column("respondent_id").map { (0..<$0.count).map($0.formatted) } == ["R2"])
    #expect(try cleaned(.keep).table.rowCount == 5)
  }
}
