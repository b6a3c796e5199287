import Testing

@testable import SurveyValidate

@Suite("rule: type")
struct TypeRuleTests {
  @Test("non-numbers, fractions in integers and impossible dates are reported")
  func reports() throws {
    let found = try findings(
      TypeRule(),
      """
      respondent_id,age,oop_cost,visit_date
      R1,30,12.5,01.02.2024
      R2,thirty,12,5,31.04.2024
      R3,30.5,abc,2024-01-01
      """)
    // R2 is ragged (5 fields), so its cells are not checked.
    #expect(summary(found) == ["4:age=30.5", "4:oop_cost=abc", "4:visit_date=2024-01-01"])
    #expect(found.map(\.message) == [
      "age is not a whole number", "oop_cost is not a number", "visit_date is not a date written as dd.MM.yyyy",
    ])
    #expect(found.allSatisfy { $0.severity == .error && $0.rule == "type" && $0.recordID == "R3" })
  }

  @Test("a decimal comma in a batch read with '.' gets a hint")
  func decimalCommaHint() throws {
    let found = try findings(TypeRule(), "respondent_id,age,oop_cost\nR1,30,\"12,5\"\nR2,31,\"1,2,3\"\n")
    #expect(found.map(\.message) == [
      "oop_cost is not a number (it looks like a decimal comma: set decimal: \",\" for this batch)",
      "oop_cost is not a number",
    ])
  }

  @Test("missing codes and blanks are not type errors")
  func missingIsNotInvalid() throws {
    #expect(try findings(TypeRule(), "respondent_id,age,oop_cost\nR1,98,\nR2,,null\n").isEmpty)
  }
}
