import Testing

@testable import SurveyValidate

@Suite("rule: code")
struct CodeRuleTests {
  @Test("an unknown code is reported with the codes listed; missing codes are not")
  func reports() throws {
    let found = try findings(
      CodeRule(), "respondent_id,sex,destination,symptoms\nR1,3,FR,fever\nR2,98,RU,rash\nR3,2,IT,\n")
    #expect(summary(found) == ["2:sex=3", "2:destination=FR", "3:symptoms=rash"])
    #expect(found[0].message == "sex is not one of its codes (1, 2)")
    #expect(found[2].message == "symptoms selects a code that is not one of its codes (fever, cough)")
  }
}
