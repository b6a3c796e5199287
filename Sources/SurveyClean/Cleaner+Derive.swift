import SurveyCore

extension Cleaner {
  /// Adds the variables of `clean.derive`, in order (each may read the ones before), computed
  /// column-wise from the cleaned values; a value is missing wherever one it needs is.
  ///
  /// A derived column follows entirely from other columns by the pipeline's rule, so the
  /// cleaning log has one summary line per variable (reason `derive:NAME`: values and missing
  /// counted) rather than a line per record, which at a million rows would bury the changes a
  /// reviewer needs to read.
  mutating func derive(_ specs: [DeriveSpec]) {
    for spec in specs {
      var column = Column.empty(spec.variable, rows: table.rowCount)
      switch spec.rule {
      case .expression(let expression):
        // Checked against the codebook when the pipeline was loaded; a table built otherwise
        // may lack a column, and then the variable stays missing.
        guard let values = try? expression.values(in: table) else { break }
        fill(&column, with: values)
      case .cut(let name, let breaks):
        guard let source = table.column(name), let numbers = source.numbers else { break }
        for row in 0..<table.rowCount where source.state[row] == .present {
          let group = Self.group(of: numbers[row], breaks: breaks)
          if group >= 0 { column.setCode(Int32(group), row: row) }
        }
      }
      table.columns.append(column)
      var present = 0
      for row in 0..<table.rowCount where !dropped[row] && column.state[row] == .present { present += 1 }
      let kept = dropped.lazy.filter { !$0 }.count
      summarize(
        column: table.columns.count - 1, "\(present) values, \(kept - present) missing", reason: "derive:\(spec.name)")
    }
  }

  /// Writes `values` into `column`: a condition as its codes 0 and 1, a number as it is (an
  /// integer variable only where the number is whole and held exactly).
  func fill(_ column: inout Column, with values: ExpressionValues) {
    switch values {
    case .truths(let truths):
      guard let no = column.levels.firstIndex(of: "0"), let yes = column.levels.firstIndex(of: "1") else { return }
      for row in truths.indices where truths[row] != .unknown {
        column.setCode(Int32(truths[row] == .yes ? yes : no), row: row)
      }
    case .numbers(let numbers, let valid):
      guard column.numbers != nil else { return }
      let integer = column.type == .integer
      for row in numbers.indices where valid[row] {
        let x = numbers[row]
        if integer, x != x.rounded() || abs(x) > 9_007_199_254_740_992 { continue }
        column.setNumber(x == 0 ? 0 : x, row: row)
      }
    }
  }

  /// The group of `value` among `breaks` (ascending lower bounds), or -1 below the first.
  static func group(of value: Double, breaks: [Double]) -> Int {
    var low = 0
    var high = breaks.count
    while low < high {
      let middle = (low + high) / 2
      if breaks[middle] <= value { low = middle + 1 } else { high = middle }
    }
    return low - 1
  }
}
