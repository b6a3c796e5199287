import SurveyCore
import Testing

@testable import SurveyValidate

@Suite("enumerators: findings attributed, one summary line each")
struct EnumeratorSummaryTests {
  let checks = ChecksSpec(
    enumerator: "who", duration: DurationCheck(start: "start", end: "end", minMinutes: 15),
    dontKnow: DontKnowCheck(maxShare: 0.7, minAnswers: 1))
  let csv = """
    rid,who,start,end,n
    R1,ann,2026-03-14T09:00:00Z,2026-03-14T09:10:00Z,5
    R2,ann,2026-03-14T09:00:00Z,2026-03-14T09:40:00Z,98
    R3,bob,2026-03-14T09:00:00Z,2026-03-14T09:30:00Z,7
    R4,,2026-03-14T09:00:00Z,,7
    R5,ann,2026-03-14T09:00:00Z,2026-03-14T09:20:00Z,99

    """

  @Test("every finding with a row carries its record's enumerator")
  func attributed() throws {
    let (table, _) = try read(csv, codebook: checksCodebook)
    let found = try Validate.run(table, codebook: checksCodebook, checks: checks)
    #expect(found.map(\.rule) == [.duration])
    #expect(found[0].enumerator == "ann" && found[0].recordID == "R1")
    let plain = try Validate.run(table, codebook: checksCodebook, checks: ChecksSpec(duration: checks.duration))
    #expect(plain[0].enumerator == nil)
  }

  @Test("interviews, findings, median minutes, answers and missing codes per enumerator, blank last")
  func summaries() throws {
    let (table, _) = try read(csv, codebook: checksCodebook)
    let found = try Validate.run(table, codebook: checksCodebook, checks: checks)
    let lines = Validate.enumeratorSummaries(table: table, codebook: checksCodebook, checks: checks, findings: found)
    // ann: minutes 10, 40, 20 → median 20; answers 3, of them 2 missing codes.
    #expect(
      lines == [
        EnumeratorSummary(enumerator: "ann", interviews: 3, findings: 1, medianDurationMinutes: 20, answers: 3, dontKnowAnswers: 2),
        EnumeratorSummary(enumerator: "bob", interviews: 1, findings: 0, medianDurationMinutes: 30, answers: 1, dontKnowAnswers: 0),
        EnumeratorSummary(enumerator: "", interviews: 1, findings: 0, medianDurationMinutes: nil, answers: 1, dontKnowAnswers: 0),
      ])
    #expect(Validate.enumeratorSummaries(table: table, codebook: checksCodebook, checks: nil, findings: found).isEmpty)
  }

  /// Found in review: an exported-twice copy counted as a second interview.
  @Test("a resubmitted copy is not a second interview")
  func resubmissionNotCounted() throws {
    let (table, _) = try read(csv + "R3,bob,2026-03-14T09:00:00Z,2026-03-14T09:30:00Z,7\n", codebook: checksCodebook)
    var withCopies = checks
    withCopies.resubmissions = "rid"
    let found = try Validate.run(table, codebook: checksCodebook, checks: withCopies)
    #expect(found.contains { $0.rule == .resubmission && $0.enumerator == "bob" })
    let lines = Validate.enumeratorSummaries(table: table, codebook: checksCodebook, checks: withCopies, findings: found)
    #expect(lines.map(\.interviews) == [3, 1, 1])
  }
}
