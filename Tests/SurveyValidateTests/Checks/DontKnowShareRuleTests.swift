import SurveyCore
import Testing

@testable import SurveyValidate

@Suite("check: dont-know-share")
struct DontKnowShareRuleTests {
  // Answers are the non-blank cells of q1 (categorical) and n (integer), and cost (decimal,
  // no missing codes); text columns do not count.
  // ann: 3 rows × 3 answers = 9, missing codes 3 (98, 99, 98) → 1/3.
  // bob: 3 rows, one blank n → 8 answers, missing codes 2 → 0.25 (not above 0.25).
  // cy: 1 row, 3 answers; cost has no missing codes, so 2 of 3 → 0.67, but under min_answers.
  let csv = """
    rid,who,q1,n,cost,note
    R1,ann,98,5,10,x
    R2,ann,1,99,10,98
    R3,ann,2,98,10,
    R4,bob,98,5,10,
    R5,bob,1,,10,
    R6,bob,2,98,10,
    R7,cy,98,99,98,

    """

  @Test("one finding per enumerator above max_share with at least min_answers answers")
  func reports() throws {
    let checks = ChecksSpec(enumerator: "who", dontKnow: DontKnowCheck(maxShare: 0.25, minAnswers: 4))
    let found = try findings(DontKnowShareRule(), csv, checks: checks)
    #expect(found.count == 1)
    #expect(found[0].value == "ann" && found[0].enumerator == "ann")
    #expect(found[0].row == nil && found[0].line == nil && found[0].recordID == nil && found[0].variable == nil)
    #expect(
      found[0].message
        == "3 of this enumerator's 9 answers to categorical and numeric questions (33.3%) are missing codes, above the limit of 25%")
    let lower = ChecksSpec(enumerator: "who", dontKnow: DontKnowCheck(maxShare: 0.2, minAnswers: 3))
    #expect(try findings(DontKnowShareRule(), csv, checks: lower).map(\.value) == ["ann", "bob", "cy"])
  }
}
