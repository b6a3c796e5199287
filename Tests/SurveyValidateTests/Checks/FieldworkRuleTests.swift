import SurveyCore
import Testing

@testable import SurveyValidate

@Suite("check: fieldwork")
struct FieldworkRuleTests {
  let from = CivilDate(year: 2026, month: 3, day: 1)!
  let to = CivilDate(year: 2026, month: 4, day: 30)!

  @Test("a date outside from…to, both days inside")
  func dates() throws {
    let checks = ChecksSpec(fieldwork: FieldworkCheck(date: "day", from: from, to: to))
    let csv = "rid,day\nR1,2026-02-28\nR2,2026-03-01\nR3,2026-04-30\nR4,2026-05-01\nR5,\n"
    let found = try findings(FieldworkRule(), csv, checks: checks)
    #expect(summary(found) == ["2:day=2026-02-28", "5:day=2026-05-01"])
    #expect(found[0].message == "day is outside the fieldwork dates 2026-03-01 to 2026-04-30")
  }

  @Test("a datetime counts by its day in UTC")
  func datetimes() throws {
    let checks = ChecksSpec(fieldwork: FieldworkCheck(date: "start", from: from, to: to))
    // R1 is 2026-02-28T23:30Z; R2 is 2026-03-01T00:30Z; R3 is 2026-05-01T00:00Z.
    let csv = """
      rid,start
      R1,2026-03-01T01:30:00+02:00
      R2,2026-03-01T02:30:00+02:00
      R3,2026-04-30T21:00:00-03:00
      R4,2026-04-30T23:59:59.999Z

      """
    #expect(try findings(FieldworkRule(), csv, checks: checks).map(\.recordID) == ["R1", "R3"])
  }
}
