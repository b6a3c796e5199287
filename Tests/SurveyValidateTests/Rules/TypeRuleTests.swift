import SurveyCore
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
    #expect(found.allSatisfy { $0.severity == .error && $0.rule == .type && $0.recordID == "R3" })
  }

  @Test("a decimal comma in a batch read with '.' gets a hint")
  func decimalCommaHint() throws {
    let found = try findings(TypeRule(), "respondent_id,age,oop_cost\nR1,30,\"12,5\"\nR2,31,\"1,2,3\"\n")
    #expect(found.map(\.message) == [
      "oop_cost is not a number (it looks like a decimal comma: set decimal: \",\" for this batch)",
      "oop_cost is not a number",
    ])
  }

  @Test("numbers that cannot be held are named as such, not as 'not a number'")
  func numbersNotHeld() throws {
    let found = try findings(
      TypeRule(),
      "respondent_id,age,oop_cost\nR1,9007199254740993,1e-400\nR2,1e308,1e400\nR3,9007199254740992,nan\nR4,1e-400,0\n")
    #expect(summary(found) == ["2:age=9007199254740993", "2:oop_cost=1e-400", "3:age=1e308", "3:oop_cost=1e400", "4:oop_cost=nan", "5:age=1e-400"])
    let exactly = "too large to hold exactly (whole numbers are held exactly up to ±9007199254740992, that is 2^53)"
    #expect(found.map(\.message) == [
      "age is \(exactly)",
      "oop_cost is too small to hold (not zero, but nearer zero than 2.2e-308, below which a double loses precision)",
      "age is \(exactly)",
      "oop_cost is too large to hold (beyond ±1.8e308, the largest double)",
      "oop_cost is not a number",
      "age is not a whole number",
    ])
  }

  @Test("a number of a personal-data variable that cannot be held is reported without its value")
  func personalNumbers() throws {
    let codebook = try Codebook.parse(
      yaml: """
        survey: s
        id: respondent_id
        variables:
          - {name: respondent_id, type: text}
          - {name: income, type: decimal, pii: true}
          - {name: phone, type: integer, pii: true}
        """)
    let (table, _) = try read("respondent_id,income,phone\nR1,1e999,37369123456789012\n", codebook: codebook)
    let found = try TypeRule().check(ValidationContext(table: table, codebook: codebook))
    #expect(found.map(\.message) == [
      "income is too large to hold (beyond ±1.8e308, the largest double)",
      "phone is too large to hold exactly (whole numbers are held exactly up to ±9007199254740992, that is 2^53)",
    ])
    #expect(found.allSatisfy { $0.value == nil })
    #expect(!found.contains { $0.message.contains("1e999") || $0.message.contains("37369123456789012") })
  }

  @Test("missing codes and blanks are not type errors")
  func missingIsNotInvalid() throws {
    #expect(try findings(TypeRule(), "respondent_id,age,oop_cost\nR1,98,\nR2,,null\n").isEmpty)
  }

  @Test("a datetime that is not ISO 8601 is a type error; Kobo's forms are not")
  func datetimes() throws {
    let csv = "rid,start\nR1,2026-03-14T09:12:33.120+02:00\nR2,14/03/2026 09:12\nR3,2026-03-14T07:12:33Z\n"
    let (table, _) = try read(csv, codebook: checksCodebook)
    let found = try TypeRule().check(ValidationContext(table: table, codebook: checksCodebook))
    #expect(summary(found) == ["3:start=14/03/2026 09:12"])
    #expect(
      found[0].message == "start is not an ISO 8601 date and time (yyyy-MM-ddTHH:mm:ss with an offset such as +02:00 or Z)")
  }
}
