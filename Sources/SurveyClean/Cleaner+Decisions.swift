import SurveyCore

extension Cleaner {
  /// Applies each decision where its record and old value still match the data; every decision
  /// that does not apply becomes a finding, never a silent skip, and decisions that conflict
  /// (``conflicts(in:byID:file:)``) are none of them applied. `accept` keeps a value the
  /// policy would change; on a number that is also a missing code (a real age of 99) it makes
  /// the number a value. A `set` value is validated like any value (``set(_:row:column:)``,
  /// ``checkSets(_:file:)``). Findings are listed in the order of the decisions file.
  mutating func apply(_ file: DecisionsFile) {
    findings += file.findings
    let first = findings.count
    let byID = rowsByID(for: file.decisions)
    let conflicts = conflicts(in: file.decisions, byID: byID, file: file.name)
    var pendingSets: [PendingSet] = []
    for (index, decision) in file.decisions.enumerated() {
      if let conflict = conflicts[index] {
        findings.append(conflict)
        continue
      }
      func problem(_ rule: RuleID, _ message: String) {
        findings.append(
          Finding(
            severity: .warning, rule: rule, variable: decision.variable, recordID: decision.recordID, batch: file.name,
            line: decision.line, message: message))
      }
      guard let rows = rows(of: decision.recordID, in: byID) else {
        problem(.decisionUnknownRecord, "no record has this record_id; the decision is not applied")
        continue
      }
      var column: Int?
      if let name = decision.variable {
        guard let index = table.columnIndex(name) else {
          if addedVariables.contains(name) {
            problem(
              .decisionUnknownVariable,
              "\(LogText.capped(name)) is computed by the pipeline (recode or derive) after the decisions; "
                + "decide the values it comes from; the decision is not applied")
            continue
          }
          problem(
            .decisionUnknownVariable,
            "the codebook has no variable called \(LogText.capped(name)); the decision is not applied")
          continue
        }
        column = index
      }
      let matching = candidateRows(decision, rows: rows, column: column)
      guard !matching.isEmpty else {
        problem(.decisionStale, "the data no longer has the old_value the reviewer saw; the decision is not applied")
        continue
      }
      guard matching.count == 1, let row = matching.first else {
        problem(.decisionAmbiguous, "several records have this record_id and old_value; the decision is not applied")
        continue
      }
      switch decision.action {
      case .accept:
        let index = column!
        let isCode = table.columns[index].state[row] == .missingCode
        if isCode, table.columns[index].numbers == nil {
          problem(
            .decisionInvalid,
            "the old_value is a missing code of \(table.columns[index].name), not one of its codes; only a number that is also a missing code can be accepted as a value")
          continue
        }
        accepted.insert(CellKey(row: row, column: index))
        resolved[CellKey(row: row, column: index)] = .accept
        // Accepting a number that is also a missing code (a real age of 99) makes it a value.
        if isCode {
          let old = table.columns[index].original(row: row)
          table.columns[index].state[row] = .present
          table.columns[index].raw[row] = nil
          log(row: row, column: index, old: old, new: table.columns[index].formatted(row: row), reason: "decision")
        }
      case .drop:
        drop(row, reason: "decision", column: column)
        droppedByDecision.insert(row)
      case .set:
        switch set(decision, row: row, column: column!) {
        case .success(let pending): pendingSets.append(pending)
        case .failure(let refusal): problem(.decisionInvalid, refusal.message)
        }
      }
    }
    checkSets(pendingSets, file: file.name)
    // In the order of the decisions file (sets are refused after the others are read).
    let raised = findings[first...].enumerated().sorted {
      ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset)
    }
    findings.replaceSubrange(first..., with: raised.map(\.element))
  }

  /// The rows whose id is `recordID`, or whose id the logs show as `recordID` (with `'` before
  /// a formula, or cut when huge: ``SurveyCore/LogText/shows(_:_:)``); nil when there is none.
  func rows(of recordID: String, in byID: [String: [Int]]) -> [Int]? {
    if let rows = byID[recordID] { return rows }
    if recordID.hasPrefix("'"), let rows = byID[String(recordID.dropFirst())],
      LogText.shows(recordID, String(recordID.dropFirst()))
    {
      return rows
    }
    guard recordID.hasSuffix(" bytes]") else { return nil }
    let rows = byID.filter { LogText.shows(recordID, $0.key) }.flatMap(\.value).sorted()
    return rows.isEmpty ? nil : rows
  }

  /// True when the cell still holds `old` (blank matches blank): the same text, or the text
  /// as the logs show it (cut when huge, `'` before a formula: ``SurveyCore/LogText/shows(_:_:)``),
  /// or for numbers the same value however written (`12,5`, `12.50`, `1.25e1`) by
  /// ``SurveyCore/NumberText``'s rule (an integer's old value beyond ±2^53 is not rounded into a match).
  func matches(_ old: String?, column: Int, row: Int) -> Bool {
    let current = table.columns[column].original(row: row) ?? ""
    let expected = old ?? ""
    if LogText.shows(expected, current) { return true }
    let cells = table.columns[column]
    guard let values = cells.numbers, cells.state[row] == .present,
      case .success(let number) = NumberText.read(
        expected.replacingOccurrences(of: ",", with: "."), integer: cells.type == .integer)
    else { return false }
    return number == values[row]
  }
}
