import SurveyCore
import Testing

@testable import SurveyValidate

@Suite("check: duration")
struct DurationRuleTests {
  let checks = ChecksSpec(duration: DurationCheck(start: "start", end: "end", minMinutes: 15))

  @Test("short interviews and ends before starts; offsets count, blanks and bad times are not checked")
  func reports() throws {
    let csv = """
      rid,start,end
      R1,2026-03-14T09:00:00+02:00,2026-03-14T09:14:59.999+02:00
      R2,2026-03-14T09:00:00+02:00,2026-03-14T09:15:00+02:00
      R3,2026-03-14T09:00:00+02:00,2026-03-14T06:10:00Z
      R4,2026-03-14T09:00:00+02:00,2026-03-14T08:59:00+02:00
      R5,2026-03-14T09:00:00+02:00,
      R6,2026-03-14T09:00:00+02:00,14.03.2026 09:40

      """
    let found = try findings(DurationRule(), csv, checks: checks)
    // R1: 14.99998 minutes; R3 ends at 06:10Z = 08:10+02:00, before its start; R4: −1 minute.
    #expect(found.map(\.recordID) == ["R1", "R3", "R4"])
    #expect(found.allSatisfy { $0.variable == "end" && $0.severity == .warning && $0.rule == .duration })
    #expect(found[0].message == "the interview took 14.9 minutes from start to end, under the minimum of 15")
    #expect(found[0].value == "2026-03-14T07:14:59.999Z")
    #expect(found[1].message == "the interview ends (end) before it starts (start)")
  }

  @Test("minutes per row: (end − start) / 60 000 ms, nil without both")
  func minutes() throws {
    let (table, _) = try read("rid,start,end\nR1,2026-03-14T09:00:00Z,2026-03-14T09:30:30Z\nR2,,2026-03-14T09:30:30Z\n", codebook: checksCodebook)
    #expect(DurationRule.minutes(in: table, checks.duration!) == [30.5, nil])
  }

  @Test("no duration check, no findings")
  func off() throws {
    #expect(try findings(DurationRule(), "rid,start,end\nR1,2026-03-14T09:00:00Z,2026-03-14T09:01:00Z\n", checks: nil).isEmpty)
  }
}
