import SurveyCore
import Testing

@testable import SurveyValidate

@Suite("rule: other-specify")
struct OtherSpecifyRuleTests {
  @Test("other without its text (blank or spaces), and text without other")
  func reports() throws {
    let csv = """
      rid,q1,q1_other
      R1,96,Fisherman
      R2,96,
      R3,96,"  "
      R4,1,Fisherman
      R5,98,Fisherman
      R6,1,
      R7,,

      """
    let found = try findings(OtherSpecifyRule(), csv, checks: nil)
    #expect(summary(found) == ["3:q1=96", "4:q1=96", "5:q1_other=Fisherman", "6:q1_other=Fisherman"])
    #expect(found[0].message == "q1 is the other code 96 but q1_other is blank")
    #expect(found[2].message == "q1_other is filled in but q1 is not the other code 96")
  }
}
