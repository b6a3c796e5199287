import SurveyCore

/// Accepts by finding id (``SurveyCore/FindingDecision``): applied here, where findings get
/// their ids, once every stage has reported, so that a finding of any stage (a file's header, an
/// interviewer's `dont-know-share`, a weighting class) can be settled.
extension ValidationLog {
  static func unknownFindingMessage(_ id: String) -> String {
    "no finding of this run has the finding_id \(LogText.capped(id)); the decision is not applied"
  }

  static func aboutRecordMessage(_ id: String, record: String) -> String {
    "finding \(LogText.capped(id)) is about record \(LogText.capped(record)): decide it by its record_id and "
      + "variable (accept, set or drop); the decision is not applied"
  }

  static let staleMessage = "the finding no longer has the old_value the reviewer saw; the decision is not applied"

  /// Marks `decision: accept` on each finding a decision names, where the finding is about no
  /// record and its value is still the decision's `old_value` (as logs show it; blank for none).
  /// Returns a finding for every decision that does not apply (`decision-unknown-finding`,
  /// `decision-invalid`, `decision-stale`), on the decisions file's line.
  ///
  /// - Parameters:
  ///   - findings: the run's findings in log order; `ids` their ids.
  static func settle(_ findings: inout [Finding], ids: [String], with decisions: [FindingDecision]) -> [Finding] {
    var index: [String: Int] = [:]
    for (position, id) in ids.enumerated() { index[id] = position }
    var problems: [Finding] = []
    for decision in decisions {
      func problem(_ rule: RuleID, _ message: String, value: String?) {
        problems.append(
          Finding(severity: .warning, rule: rule, batch: decision.file, line: decision.line, value: value, message: message))
      }
      guard let position = index[decision.findingID] else {
        problem(.decisionUnknownFinding, unknownFindingMessage(decision.findingID), value: decision.findingID)
        continue
      }
      let finding = findings[position]
      if let record = finding.recordID {
        problem(.decisionInvalid, aboutRecordMessage(decision.findingID, record: record), value: decision.findingID)
        continue
      }
      guard LogText.shows(decision.oldValue ?? "", finding.value ?? "") else {
        problem(.decisionStale, staleMessage, value: decision.findingID)
        continue
      }
      if findings[position].resolution == nil { findings[position].resolution = "decision: accept" }
    }
    return problems
  }
}
