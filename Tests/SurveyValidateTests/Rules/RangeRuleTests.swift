import Testing

@testable import SurveyValidate

@Suite("rule: range")
struct RangeRuleTests {
  @Test("values outside the range are reported; bounds are inclusive; missing codes are exempt")
  func reports() throws {
    let found = try findings(RangeRule(), "respondent_id,age,oop_cost\nR1,17,0\nR2,18,-1\nR3,99,5\nR4,100,\nR5,98,1e9\n")
    #expect(summary(found) == ["2:age=17", "3:oop_cost=-1", "5:age=100"])
    #expect(found[0].message == "age is outside the range 18 to 99")
    #expect(found[1].message == "oop_cost is below the lowest allowed value 0")
  }
}
