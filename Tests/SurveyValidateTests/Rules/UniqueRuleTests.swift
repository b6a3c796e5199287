import Testing

@testable import SurveyValidate

@Suite("rule: unique")
struct UniqueRuleTests {
  @Test("later repeats are reported with the first record's place; personal data stays out")
  func reports() throws {
    let found = try findings(
      UniqueRule(), "respondent_id,phone\nR1,+37360000001\nR2,+37360000001\nR1,+37360000002\nR3,\nR4,\n")
    #expect(summary(found) == ["3:phone=", "4:respondent_id=R1"])
    #expect(found[0].message == "phone repeats the value of the record at batch.csv line 2")
    #expect(found[1].message == "respondent_id repeats the value of the record at batch.csv line 2")
  }
}
