import SurveyCore

extension Cleaner {
  /// A `set` written into the table but not yet checked against the variable's skip logic and
  /// constraint (which read other cells of the record, so they are checked once per variable).
  struct PendingSet {
    var row: Int
    var column: Int
    var decision: Decision
    /// The cell before the set: its text as it arrived, state and raw text.
    var old: String?
    var oldState: CellState
    var oldRaw: String?
  }

  /// Writes the `set` `decision` into the cell, validated like any value the batch could hold:
  /// a value of the variable's type and one of its codes, inside its range. A new value that
  /// is one of the variable's missing codes makes the cell missing, as cleaning makes every
  /// missing code. A value that fails is reported as `decision-invalid` and not applied.
  ///
  /// Why a `set` is not applied.
  struct SetRefusal: Error {
    var message: String
  }

  /// - Returns: the set to check against skip logic and constraints, or why it is refused.
  mutating func set(_ decision: Decision, row: Int, column: Int) -> Result<PendingSet, SetRefusal> {
    let name = table.columns[column].name
    let text = decision.newValue ?? ""
    let variable = codebook.variable(named: name)
    let pending = PendingSet(
      row: row, column: column, decision: decision, old: table.columns[column].original(row: row),
      oldState: table.columns[column].state[row], oldRaw: table.columns[column].raw[row])
    if let variable, isMissingCode(text, of: variable) {
      table.columns[column].setMissing(row: row)
      return .success(pending)
    }
    if let range = variable?.range, case .success(let value) = NumberText.read(text, integer: false),
      !range.contains(value)
    {
      return .failure(SetRefusal(message: "the new_value is outside the range of \(name); the decision is not applied"))
    }
    let format = variable?.format.flatMap { try? DateFormat($0) }
    guard table.columns[column].assign(text, row: row, dateFormat: format) else {
      return .failure(SetRefusal(message: "the new_value is not a value of \(name); the decision is not applied"))
    }
    return .success(pending)
  }

  /// True when `text` is one of `variable`'s missing codes (a number equal to a numeric code,
  /// however written, or the code's text).
  func isMissingCode(_ text: String, of variable: Variable) -> Bool {
    let codes = codebook.missingCodes(for: variable)
    guard !codes.isEmpty, !text.isEmpty else { return false }
    if codes.contains(where: { $0.code == text }) { return true }
    guard case .success(let number) = NumberText.read(text, integer: false) else { return false }
    return codes.contains { Double($0.code) == number }
  }

  /// Checks the sets against the skip logic (`relevant`), `constraint` and `unique` of their
  /// variables, on the table with every decision applied: one column-wise pass per variable, not
  /// one per decision. A set whose value skip logic forbids, whose constraint is false, or that
  /// another record of a unique variable (the id among them) already has is undone and reported
  /// as `decision-invalid`; the others are applied and logged.
  mutating func checkSets(_ sets: [PendingSet], file: String) {
    var verdicts: [Int: (relevant: [Truth]?, constraint: [Truth]?, repeated: [Bool]?)] = [:]
    for column in Set(sets.map(\.column)) {
      guard let variable = codebook.variable(named: table.columns[column].name) else { continue }
      verdicts[column] = (
        variable.relevant.flatMap { try? $0.evaluate(in: table, current: variable.name) },
        variable.constraint.flatMap { try? $0.evaluate(in: table, current: variable.name) },
        variable.unique || variable.name == table.idColumn ? repeatedValues(column) : nil
      )
    }
    for set in sets {
      let name = table.columns[set.column].name
      let present = table.columns[set.column].state[set.row] == .present
      let verdict = verdicts[set.column]
      var refusal: String?
      if present, verdict?.relevant?[set.row] == .no {
        refusal = "the new_value answers \(name) where its skip logic (relevant) says there is no answer"
      } else if present, verdict?.constraint?[set.row] == .no {
        refusal = "the new_value breaks the constraint of \(name)"
      } else if present, verdict?.repeated?[set.row] == true {
        refusal = "another record already has this new_value of \(name), which must be unique"
      }
      if let refusal {
        undo(set)
        findings.append(
          Finding(
            severity: .warning, rule: .decisionInvalid, variable: name, recordID: set.decision.recordID, batch: file,
            line: set.decision.line, message: refusal + "; the decision is not applied"))
        continue
      }
      let key = CellKey(row: set.row, column: set.column)
      accepted.insert(key)
      resolved[key] = .set
      log(
        row: set.row, column: set.column, old: set.old, new: table.columns[set.column].formatted(row: set.row),
        reason: "decision")
    }
  }

  /// For every row, true when another record not dropped has the same present value.
  func repeatedValues(_ column: Int) -> [Bool] {
    let earlier = table.columns[column].earlierDuplicates(skipping: dropped)
    var repeated = [Bool](repeating: false, count: earlier.count)
    for row in earlier.indices where earlier[row] >= 0 {
      repeated[row] = true
      repeated[Int(earlier[row])] = true
    }
    return repeated
  }

  /// Puts the cell of `set` back as it was.
  mutating func undo(_ set: PendingSet) {
    if set.oldState == .present {
      // `formatted` text reads back as the same value; an explicit empty text stays one.
      if case .texts = table.columns[set.column].values {
        table.columns[set.column].setText(set.old ?? "", row: set.row)
      } else {
        table.columns[set.column].assign(set.old ?? "", row: set.row)
      }
    } else {
      table.columns[set.column].state[set.row] = set.oldState
      table.columns[set.column].raw[set.row] = set.oldRaw
    }
  }
}
