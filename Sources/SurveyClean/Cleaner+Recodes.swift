import SurveyCore

extension Cleaner {
  /// Applies the value maps of `clean.recode`, in order, to the values cleaning kept (present
  /// values: not missing codes or invalid text).
  ///
  /// In place, every value changed is logged like any change (reason `recode:NAME`): it
  /// replaces data a reviewer may trace back to the raw cell. Into a new variable, the column
  /// is new and follows from the source by the pipeline's map, so the log has one summary line
  /// for it (counts mapped, kept and missing) rather than a line per record.
  mutating func recode(_ specs: [RecodeSpec]) {
    for spec in specs {
      guard let source = table.columnIndex(spec.variable) else { continue }
      if spec.inPlace {
        recodeInPlace(spec, column: source)
      } else if let new = spec.newVariable {
        recodeIntoNew(spec, new, source: source)
      }
    }
  }

  /// The map of `spec` as a lookup on a cell's text: numbers compared as numbers (`1.0` is `1`).
  func lookup(_ spec: RecodeSpec, for column: Column) -> (Int) -> String? {
    if let numbers = column.numbers {
      var map: [Double: String] = [:]
      for entry in spec.map {
        if case .success(let number) = NumberText.read(entry.from, integer: false), map[number] == nil {
          map[number] = entry.to
        }
      }
      return { map[numbers[$0]] }
    }
    var map: [String: String] = [:]
    for entry in spec.map where map[entry.from] == nil { map[entry.from] = entry.to }
    return { column.formatted(row: $0).flatMap { map[$0] } }
  }

  mutating func recodeInPlace(_ spec: RecodeSpec, column: Int) {
    let mapped = lookup(spec, for: table.columns[column])
    let reason = "recode:\(spec.name)"
    let format = codebook.variable(named: spec.variable)?.format.flatMap { try? DateFormat($0) }
    for row in 0..<table.rowCount where !dropped[row] && table.columns[column].state[row] == .present {
      let old = table.columns[column].formatted(row: row)
      if let to = mapped(row) {
        guard to != old, table.columns[column].assign(to, row: row, dateFormat: format) else { continue }
        log(row: row, column: column, old: old, new: table.columns[column].formatted(row: row), reason: reason)
      } else if spec.other == .missing {
        table.columns[column].setMissing(row: row)
        log(row: row, column: column, old: old, new: nil, reason: reason)
      }
    }
  }

  mutating func recodeIntoNew(_ spec: RecodeSpec, _ new: NewVariable, source: Int) {
    let mapped = lookup(spec, for: table.columns[source])
    var column = Column.empty(new, rows: table.rowCount)
    var counts = (mapped: 0, kept: 0, missing: 0)
    for row in 0..<table.rowCount where !dropped[row] {
      if table.columns[source].state[row] == .present, let to = mapped(row), column.assign(to, row: row) {
        counts.mapped += 1
      } else if spec.other == .keep, let text = table.columns[source].formatted(row: row), column.assign(text, row: row)
      {
        counts.kept += 1
      } else {
        column.setMissing(row: row)
        counts.missing += 1
      }
    }
    table.columns.append(column)
    summarize(
      column: table.columns.count - 1, "\(counts.mapped) mapped, \(counts.kept) kept, \(counts.missing) missing",
      reason: "recode:\(spec.name)")
  }

  /// One line of the cleaning log for a whole new column: no record, batch or line.
  mutating func summarize(column: Int, _ text: String, reason: String) {
    changes.append(
      CleaningChange(
        recordID: nil, variable: table.columns[column].name, oldValue: nil, newValue: text, reason: reason, batch: "",
        line: 0, batchIndex: Int.max, column: column, order: changes.count))
  }
}

extension Column {
  /// A column for `variable` with every cell missing.
  static func empty(_ variable: NewVariable, rows: Int) -> Column {
    let values: ColumnValues
    switch variable.type {
    case .integer, .decimal: values = .numbers([Double](repeating: 0, count: rows))
    case .categorical: values = .codes([Int32](repeating: -1, count: rows))
    case .date: values = .dates([Int32](repeating: 0, count: rows))
    case .datetime: values = .instants([Int64](repeating: 0, count: rows))
    case .multiple: values = .selections([UInt64](repeating: 0, count: rows))
    case .text: values = .texts([String](repeating: "", count: rows))
    }
    return Column(
      name: variable.name, type: variable.type, values: values, state: [CellState](repeating: .empty, count: rows),
      levels: variable.codes.map(\.code))
  }
}
