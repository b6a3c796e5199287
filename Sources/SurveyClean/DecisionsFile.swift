import SurveyCore

/// The decisions of a decisions file, and the findings about rows that are not decisions.
///
/// Columns: `record_id,variable,old_value,action,new_value,comment` (the contract), and an
/// optional `finding_id`. A row with a `record_id` is a ``Decision`` about that record (its
/// `finding_id`, if any, is the reviewer's reference and changes nothing). A row with a
/// `finding_id` and no `record_id` accepts that finding (``FindingDecision``): the way to settle
/// a finding about no record, such as an interviewer's `dont-know-share`.
public struct DecisionsFile: Sendable {
  public static let columns = ["record_id", "variable", "old_value", "action", "new_value", "comment"]
  /// Columns a decisions file may leave out.
  public static let optionalColumns = ["finding_id"]

  /// How logs name the file.
  public var name: String
  public var decisions: [Decision]
  /// Accepts of findings about no record, by finding id.
  public var findingDecisions: [FindingDecision]
  /// Rows that cannot be decisions (no record id, unknown action, `set` without a value).
  public var findings: [Finding]

  public init(name: String, decisions: [Decision], findingDecisions: [FindingDecision] = [], findings: [Finding] = []) {
    self.name = name
    self.decisions = decisions
    self.findingDecisions = findingDecisions
    self.findings = findings
  }

  /// The decisions in a table read from the file (text columns named as ``columns`` and
  /// ``optionalColumns``).
  public init(table: DataTable, name: String) {
    self.init(name: name, decisions: [])
    for row in 0..<table.rowCount where table.rowIssues[row] == nil {  // a broken row is reported by ingest
      read(row, of: table)
    }
  }

  static func text(_ table: DataTable, _ column: String, _ row: Int) -> String? {
    guard let value = table.column(column)?.formatted(row: row) else { return nil }
    return value.isEmpty ? nil : value
  }

  private mutating func read(_ row: Int, of table: DataTable) {
    let line = Int(table.rowLine[row])
    let text = { (column: String) in Self.text(table, column, row) }
    let action = text("action").flatMap { Decision.Action(rawValue: $0.lowercased()) }
    func problem(_ message: String) {
      findings.append(
        Finding(severity: .warning, rule: .decisionInvalid, recordID: text("record_id"), batch: name, line: line, message: message))
    }
    guard let recordID = text("record_id") else {
      guard let findingID = text("finding_id") else {
        problem("the decision names no record_id (nor a finding_id to accept); not applied")
        return
      }
      guard action == .accept, text("variable") == nil else {
        problem(
          "a decision that names a finding_id and no record_id can only accept the finding, with no variable; "
            + "set and drop need the record_id; not applied")
        return
      }
      findingDecisions.append(
        FindingDecision(
          findingID: findingID, oldValue: text("old_value"), comment: text("comment"), file: name, line: line))
      return
    }
    guard let action else {
      problem("the action must be accept, set or drop; not applied")
      return
    }
    let variable = text("variable")
    if action != .drop, variable == nil {
      problem("an \(action.rawValue) decision must name a variable; not applied")
      return
    }
    if action == .set, table.column("new_value")?.state[row] != .present {
      problem("a set decision needs a new_value (write \"\" to make the value blank); not applied")
      return
    }
    decisions.append(
      Decision(
        recordID: recordID, variable: variable, oldValue: table.column("old_value")?.formatted(row: row),
        action: action, newValue: table.column("new_value")?.formatted(row: row), comment: text("comment"), line: line))
  }
}
