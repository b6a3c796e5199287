import SurveyCore

extension Cleaner {
  /// Applies each decision where its record and old value still match the data; every decision
  /// that does not apply becomes a finding, never a silent skip. `accept` keeps a value the
  /// policy would change; on a number that is also a missing code (a real age of 99) it makes
  /// the number a value.
  mutating func apply(_ file: DecisionsFile) {
    findings += file.findings
    let byID = rowsByID()
    for decision in file.decisions {
      func problem(_ rule: String, _ message: String) {
        findings.append(
          Finding(
            severity: .warning, rule: rule, variable: decision.variable, recordID: decision.recordID, batch: file.name,
            line: decision.line, message: message))
      }
      guard let rows = byID[decision.recordID] else {
        problem("decision-unknown-record", "no record has this record_id; the decision is not applied")
        continue
      }
      var column: Int?
      if let name = decision.variable {
        guard let index = table.columnIndex(name) else {
          problem("decision-unknown-variable", "the codebook has no variable called \(name); the decision is not applied")
          continue
        }
        column = index
      }
      let matching = rows.filter { row in
        guard !dropped[row] else { return false }
        guard let column, decision.action != .drop || decision.oldValue != nil else { return true }
        return (table.columns[column].original(row: row) ?? "") == (decision.oldValue ?? "")
      }
      guard !matching.isEmpty else {
        problem("decision-stale", "the data no longer has the old_value the reviewer saw; the decision is not applied")
        continue
      }
      guard matching.count == 1, let row = matching.first else {
        problem("decision-ambiguous", "several records have this record_id and old_value; the decision is not applied")
        continue
      }
      switch decision.action {
      case .accept:
        let index = column!
        accepted.insert(CellKey(row: row, column: index))
        // Accepting a number that is also a missing code (a real age of 99) makes it a value.
        if table.columns[index].state[row] == .missingCode, table.columns[index].numbers != nil {
          let old = table.columns[index].original(row: row)
          table.columns[index].state[row] = .present
          table.columns[index].raw[row] = nil
          log(row: row, column: index, old: old, new: table.columns[index].formatted(row: row), reason: "decision")
        }
      case .drop:
        drop(row, reason: "decision", column: column)
      case .set:
        let index = column!
        let old = table.columns[index].original(row: row)
        let format = codebook.variable(named: table.columns[index].name)?.format.flatMap { try? DateFormat($0) }
        guard table.columns[index].assign(decision.newValue ?? "", row: row, dateFormat: format) else {
          problem("decision-invalid", "the new_value is not a value of \(table.columns[index].name); the decision is not applied")
          continue
        }
        accepted.insert(CellKey(row: row, column: index))
        if table.columns[index].name == table.idColumn { idChanged = true }
        log(row: row, column: index, old: old, new: table.columns[index].formatted(row: row), reason: "decision")
      }
    }
  }
}
