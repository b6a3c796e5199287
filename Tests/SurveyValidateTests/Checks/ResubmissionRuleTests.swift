import SurveyCore
import Testing

@testable import SurveyValidate

@Suite("check: resubmission")
struct ResubmissionRuleTests {
  let checks = ChecksSpec(resubmissions: "uuid")
  // R1 line 2; its exact copy line 4; a same-uuid record with another answer line 5; a copy of
  // that one line 6 (copy of the second version, not the first); R3 line 3 unrelated.
  let csv = """
    rid,uuid,n
    R1,u1,5
    R3,u3,7
    R1,u1,5
    R1,u1,6
    R1,u1,6

    """

  @Test("exact copies are found, each pointing at the first record with the same cells")
  func copies() throws {
    let (table, _) = try read(csv, codebook: checksCodebook)
    let copies = ResubmissionRule.copies(in: table, column: "uuid", skipping: [Bool](repeating: false, count: 5))
    #expect(copies == [-1, -1, 0, -1, 3])
    let found = try findings(ResubmissionRule(), csv, checks: checks)
    #expect(summary(found) == ["4:uuid=u1", "6:uuid=u1"])
    #expect(found.allSatisfy { $0.severity == .info })
    #expect(found[1].message == "the same submission (uuid and every answer) as the record at batch.csv line 5: the copy is dropped")
  }

  @Test("copies raise no unique error; the same id with other content does")
  func noUnique() throws {
    let (table, _) = try read(csv, codebook: checksCodebook)
    let found = try Validate.run(table, codebook: checksCodebook, checks: checks)
    #expect(found.filter { $0.rule == .unique }.map(\.line) == [5])
    #expect(found.filter { $0.rule == .resubmission }.map(\.line) == [4, 6])
    // Without the check every repeat is a unique error.
    #expect(try Validate.run(table, codebook: checksCodebook).filter { $0.rule == .unique }.map(\.line) == [4, 5, 6])
  }
}
