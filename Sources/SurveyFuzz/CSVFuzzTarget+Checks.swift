import SurveyCore
import SurveyIngest

/// What must hold for every file `Ingest.read` accepts, whatever its bytes.
extension CSVFuzzTarget {
  /// Lines, records, rows and cells of one ingested batch.
  static func ingestViolations(_ result: IngestResult, inputBytes: Int) -> [String] {
    guard result.batches.count == 1, let report = result.batches.first else {
      return ["one batch read, \(result.batches.count) reported"]
    }
    var found: [String] = []
    let table = result.table
    let lines = report.lines
    if !lines.accounted {
      found.append(
        "lines not accounted for: total \(lines.total), header \(lines.header), records \(lines.records), "
          + "empty records \(lines.emptyRecords), blank \(lines.blank), continuation \(lines.continuation)")
    }
    if lines.records != report.records || report.records != table.rowCount {
      found.append("records: \(lines.records) in the line account, \(report.records) reported, \(table.rowCount) rows")
    }
    if report.bytes != inputBytes { found.append("\(report.bytes) bytes reported, \(inputBytes) in the file") }
    found += rowLineViolations(table.rowLine, total: lines.total)
    if let bad = table.rowIssues.keys.first(where: { !(0..<table.rowCount).contains($0) }) {
      found.append("a row issue for row \(bad) of \(table.rowCount)")
    }
    for column in table.columns { found += cellViolations(column, rows: table.rowCount) }
    found += findingViolations(result.findings, table: table, lines: lines.total, stage: "ingest")
    return found
  }

  /// Each row starts on its own line of the file, in file order.
  static func rowLineViolations(_ rowLine: [Int32], total: Int) -> [String] {
    for (row, line) in rowLine.enumerated() {
      if line < 1 || Int(line) > total { return ["row \(row) starts on line \(line) of a \(total)-line file"] }
      if row > 0, line <= rowLine[row - 1] {
        return ["row \(row) starts on line \(line), not after row \(row - 1) (line \(rowLine[row - 1]))"]
      }
    }
    return []
  }

  /// A column's length, and its cells against their states, levels and type.
  static func cellViolations(_ column: Column, rows: Int) -> [String] {
    let name = column.name
    guard column.count == rows, column.values.count == rows else {
      return ["\(name): \(column.count) states and \(column.values.count) values for \(rows) rows"]
    }
    for (row, state) in column.state.enumerated() {
      let present = state == .present
      if (state == .invalid || state == .missingCode) != (column.raw[row] != nil) {
        return ["\(name) row \(row): state \(state) but raw text \(column.raw[row] == nil ? "absent" : "kept")"]
      }
      switch column.values {
      case .codes(let codes):
        let code = Int(codes[row])
        if present ? !column.levels.indices.contains(code) : code != -1 {
          return ["\(name) row \(row): code \(code) in state \(state) with \(column.levels.count) levels"]
        }
      case .selections(let bits) where present:
        if column.levels.count < 64, bits[row] >> UInt64(column.levels.count) != 0 {
          return ["\(name) row \(row): selection bits \(bits[row]) beyond \(column.levels.count) levels"]
        }
      case .numbers(let numbers) where present:
        if let problem = numberProblem(numbers[row], integer: column.type == .integer) {
          return ["\(name) row \(row): \(problem)"]
        }
      default: break
      }
    }
    return []
  }

  /// A number kept as present must be held exactly: finite, and whole and within 2^53 for an
  /// integer column.
  static func numberProblem(_ value: Double, integer: Bool) -> String? {
    if !value.isFinite { return "\(value) kept as a present number" }
    if integer, value != value.rounded() || abs(value) > 9_007_199_254_740_992 {
      return "\(value) kept as a present integer"
    }
    return nil
  }

  /// Findings point at lines of the file and rows of the table that exist.
  static func findingViolations(_ findings: [Finding], table: DataTable, lines: Int, stage: String) -> [String] {
    for finding in findings {
      if let line = finding.line, !(1...max(lines, 1)).contains(line) {
        return ["\(stage) finding \(finding.rule) on line \(line) of a \(lines)-line file"]
      }
      if let row = finding.row, !(0..<table.rowCount).contains(row) {
        return ["\(stage) finding \(finding.rule) on row \(row) of \(table.rowCount)"]
      }
    }
    return []
  }
}
