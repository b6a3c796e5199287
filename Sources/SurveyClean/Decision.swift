import SurveyCore

/// One reviewer decision from the decisions file
/// (`record_id,variable,old_value,action,new_value,comment`).
public struct Decision: Sendable, Equatable {
  /// What the reviewer decided.
  public enum Action: String, Sendable, CaseIterable {
    /// Keep the value as it is, even where the cleaning policy would change it.
    case accept
    /// Replace the value with `newValue`.
    case set
    /// Drop the whole record.
    case drop
  }

  public var recordID: String
  /// The variable concerned; may be blank for `drop`.
  public var variable: String?
  /// The value the reviewer saw; the decision applies only while the data still has it.
  public var oldValue: String?
  public var action: Action
  public var newValue: String?
  public var comment: String?
  /// The line of the decisions file.
  public var line: Int

  public init(
    recordID: String, variable: String?, oldValue: String?, action: Action, newValue: String? = nil,
    comment: String? = nil, line: Int
  ) {
    self.recordID = recordID
    self.variable = variable
    self.oldValue = oldValue
    self.action = action
    self.newValue = newValue
    self.comment = comment
    self.line = line
  }
}

/// The decisions of a decisions file, and the findings about rows that are not decisions.
public struct DecisionsFile: Sendable {
  public static let columns = ["record_id", "variable", "old_value", "action", "new_value", "comment"]

  /// How logs name the file.
  public var name: String
  public var decisions: [Decision]
  /// Rows that cannot be decisions (no record id, unknown action, `set` without a value).
  public var findings: [Finding]

  public init(name: String, decisions: [Decision], findings: [Finding] = []) {
    self.name = name
    self.decisions = decisions
    self.findings = findings
  }

  /// The decisions in a table read from the file (text columns named as ``columns``).
  public init(table: DataTable, name: String) {
    self.name = name
    decisions = []
    findings = []
    func text(_ column: String, _ row: Int) -> String? {
      guard let value = table.column(column)?.formatted(row: row) else { return nil }
      return value.isEmpty ? nil : value
    }
    for row in 0..<table.rowCount {
      let line = Int(table.rowLine[row])
      func problem(_ message: String) {
        findings.append(
          Finding(severity: .warning, rule: .decisionInvalid, recordID: text("record_id", row), batch: name, line: line, message: message))
      }
      if table.rowIssues[row] != nil { continue }  // reported by ingest
      guard let recordID = text("record_id", row) else {
        problem("the decision names no record_id; not applied")
        continue
      }
      guard let actionText = text("action", row), let action = Decision.Action(rawValue: actionText.lowercased()) else {
        problem("the action must be accept, set or drop; not applied")
        continue
      }
      let variable = text("variable", row)
      if action != .drop, variable == nil {
        problem("an \(action.rawValue) decision must name a variable; not applied")
        continue
      }
      if action == .set, table.column("new_value")?.state[row] != .present {
        problem("a set decision needs a new_value (write \"\" to make the value blank); not applied")
        continue
      }
      decisions.append(
        Decision(
          recordID: recordID, variable: variable, oldValue: table.column("old_value")?.formatted(row: row),
          action: action, newValue: table.column("new_value")?.formatted(row: row), comment: text("comment", row),
          line: line))
    }
  }
}
