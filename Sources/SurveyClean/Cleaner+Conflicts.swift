import SurveyCore

extension Cleaner {
  /// What a decision acts on: a record (a drop) or one cell (an accept or a set).
  enum DecisionTarget: Hashable {
    case record(row: Int)
    case cell(row: Int, column: Int)
  }

  /// The `decision-conflict` findings of `decisions`, by index into `decisions`: a record
  /// takes at most one drop, and a cell at most one accept or set. Two drops of one record, an
  /// accept and a set of one cell, or two sets of one cell (with the same value or not) are a
  /// conflict: none of them is applied, each is an error naming the lines of the others.
  ///
  /// A decision's record is found by its `record_id` in the data as read (by its `old_value`
  /// too when several records share the id); decisions whose record or variable is not found
  /// are left to ``apply(_:)`` to report.
  func conflicts(in decisions: [Decision], byID: [String: [Int]], file: String) -> [Int: Finding] {
    var byTarget: [DecisionTarget: [Int]] = [:]
    for (index, decision) in decisions.enumerated() {
      if let target = target(of: decision, byID: byID) { byTarget[target, default: []].append(index) }
    }
    var findings: [Int: Finding] = [:]
    for (target, indices) in byTarget where indices.count > 1 {
      for index in indices {
        let decision = decisions[index]
        let others = indices.filter { $0 != index }.map { decisions[$0] }
        findings[index] = Finding(
          severity: .error, rule: .decisionConflict, variable: decision.variable, recordID: decision.recordID,
          batch: file, line: decision.line, message: conflictMessage(target, others))
      }
    }
    return findings
  }

  /// The record or cell `decision` acts on, when it names a known record and variable and
  /// (when the id is shared) its old value picks out one record.
  func target(of decision: Decision, byID: [String: [Int]]) -> DecisionTarget? {
    guard let rows = rows(of: decision.recordID, in: byID) else { return nil }
    var column: Int?
    if let name = decision.variable {
      guard let index = table.columnIndex(name) else { return nil }
      column = index
    }
    let candidates = rows.count == 1 ? rows : candidateRows(decision, rows: rows, column: column)
    guard candidates.count == 1, let row = candidates.first else { return nil }
    if decision.action == .drop { return .record(row: row) }
    return column.map { .cell(row: row, column: $0) }
  }

  /// The rows among `rows` (one record id) that `decision` may act on: those not dropped
  /// whose cell still holds the decision's old value (any, for a drop that gives none).
  func candidateRows(_ decision: Decision, rows: [Int], column: Int?) -> [Int] {
    rows.filter { row in
      guard !dropped[row] else { return false }
      guard let column, decision.action != .drop || decision.oldValue != nil else { return true }
      return matches(decision.oldValue, column: column, row: row)
    }
  }

  /// Why a decision on `target` is not applied, naming the lines of the `others` it conflicts with.
  func conflictMessage(_ target: DecisionTarget, _ others: [Decision]) -> String {
    let lines = others.map { String($0.line) }.joined(separator: ", ")
    let those = others.count == 1 ? "the decision on line \(lines)" : "the decisions on lines \(lines)"
    let verb = others.count == 1 ? "s" : ""
    switch target {
    case .record:
      return "\(those) also drop\(verb) this record; a record takes one drop decision, so none of them is applied"
    case .cell(_, let column):
      let actions = others.map(\.action.rawValue).joined(separator: ", ")
      return "\(those) (\(actions)) also decide\(verb) this value of \(table.columns[column].name); a value takes one "
        + "decision (accept or set), so none of them is applied"
    }
  }
}
