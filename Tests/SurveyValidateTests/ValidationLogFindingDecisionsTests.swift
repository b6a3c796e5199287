import SurveyCore
import Testing

@testable import SurveyValidate

/// Accepts by finding id, applied where findings get their ids (``ValidationLog``).
@Suite("validation log: accepts by finding_id")
struct ValidationLogFindingDecisionsTests {
  static let interviewer = Finding(
    severity: .warning, rule: .dontKnowShare, value: "enum_c", message: "42 of 98 answers are missing codes")
  static let header = Finding(
    severity: .info, rule: .metaColumns, batch: "b.csv", line: 1, message: "11 meta columns", batchIndex: 0)
  static let record = Finding(
    severity: .error, rule: .range, variable: "age", recordID: "R1", batch: "b.csv", line: 2, value: "112", message: "m",
    row: 0, batchIndex: 0)
  static let findings = [header, record, interviewer]

  static func accept(_ id: String, old: String?, line: Int) -> FindingDecision {
    FindingDecision(findingID: id, oldValue: old, file: "decisions.csv", line: line)
  }

  @Test("an accept settles the finding it names, and no other; ids do not move")
  func settles() {
    let plain = ValidationLog(findings: Self.findings)
    let interviewerID = plain.ids[2]
    let headerID = plain.ids[0]
    let log = ValidationLog(
      findings: Self.findings,
      findingDecisions: [Self.accept(interviewerID, old: "enum_c", line: 2), Self.accept(headerID, old: nil, line: 3)])
    #expect(log.ids == plain.ids)
    #expect(log.findings.map(\.resolution) == ["decision: accept", nil, "decision: accept"])
    #expect(log.unresolvedCounts == [.error: 1])
  }

  @Test("an unknown id, a changed value and a finding about a record are reported, not applied")
  func problems() {
    let plain = ValidationLog(findings: Self.findings)
    let log = ValidationLog(
      findings: Self.findings,
      findingDecisions: [
        Self.accept("F0000000000", old: nil, line: 2),
        Self.accept(plain.ids[2], old: "enum_d", line: 3),
        Self.accept(plain.ids[1], old: "112", line: 4),
      ])
    #expect(log.findings.allSatisfy { $0.resolution == nil })
    let reported = log.findings.filter { $0.batch == "decisions.csv" }
    #expect(reported.map(\.rule) == [.decisionUnknownFinding, .decisionStale, .decisionInvalid])
    #expect(reported.map(\.line) == [2, 3, 4])
    #expect(reported.allSatisfy { $0.severity == .warning })
    #expect(reported[2].message.contains("is about record R1"))
    // The findings that were there keep their ids.
    for (finding, id) in zip(plain.findings, plain.ids) {
      let index = log.findings.firstIndex { $0.rule == finding.rule && $0.batch == finding.batch && $0.value == finding.value }
      #expect(index.map { log.ids[$0] } == id)
    }
  }

  @Test("an old_value copied from the log as it shows it still matches")
  func shownValue() {
    let formula = Finding(severity: .warning, rule: .dontKnowShare, value: "=enum", message: "m")
    let plain = ValidationLog(findings: [formula])
    let log = ValidationLog(findings: [formula], findingDecisions: [Self.accept(plain.ids[0], old: "'=enum", line: 2)])
    #expect(log.findings.map(\.resolution) == ["decision: accept"])
  }
}
