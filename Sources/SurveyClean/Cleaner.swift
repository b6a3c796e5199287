import SurveyCore

/// The working state of one cleaning pass.
struct Cleaner {
  var table: DataTable
  let codebook: Codebook
  var dropped: [Bool]
  var accepted = Set<CellKey>()
  var changes: [CleaningChange] = []
  var findings: [Finding] = []
  /// Cells a reviewer accepted or set, and records a reviewer dropped.
  var resolved: [CellKey: Decision.Action] = [:]
  var droppedByDecision = Set<Int>()
  /// The variables the pipeline's recodes and derives add (computed after the decisions).
  var addedVariables = Set<String>()

  struct CellKey: Hashable {
    var row: Int
    var column: Int
  }

  init(table: DataTable, codebook: Codebook) {
    self.table = table
    self.codebook = codebook
    dropped = [Bool](repeating: false, count: table.rowCount)
  }

  func isPII(_ column: Int) -> Bool {
    codebook.variable(named: table.columns[column].name)?.pii ?? false
  }

  mutating func log(row: Int, column: Int?, old: String?, new: String?, reason: String) {
    let (batch, line) = table.location(row: row)
    let secret = column.map(isPII) ?? false
    changes.append(
      CleaningChange(
        recordID: table.recordID(row: row), variable: column.map { table.columns[$0].name },
        oldValue: secret ? nil : old, newValue: secret ? nil : new, reason: reason, batch: batch, line: line,
        batchIndex: Int(table.rowBatch[row]), column: column ?? Int.max, order: changes.count))
  }

  mutating func drop(_ row: Int, reason: String, column: Int? = nil) {
    guard !dropped[row] else { return }
    dropped[row] = true
    log(row: row, column: column, old: column.flatMap { table.columns[$0].original(row: row) }, new: nil, reason: reason)
  }

  mutating func dropMalformed() {
    for (row, issue) in table.rowIssues.sorted(by: { $0.key < $1.key }) {
      drop(row, reason: issue.rule.rawValue)
    }
  }

  /// Drops the copies of submissions exported twice (the rows of `resubmission` findings).
  mutating func dropResubmissions(_ findings: [Finding]) {
    for finding in findings where finding.rule == .resubmission {
      if let row = finding.row { drop(row, reason: RuleID.resubmission.rawValue) }
    }
  }

  /// Rows by respondent id (present ids only), in table order, for the ids `decisions` name
  /// (as written, or without the `'` a log puts before a formula); every id when a decision
  /// names a cut id (`…[N bytes]`), which may stand for any long one.
  func rowsByID(for decisions: [Decision]) -> [String: [Int]] {
    guard let id = table.idColumn, let column = table.column(id) else { return [:] }
    var wanted = Set<String>()
    var everyID = false
    for decision in decisions {
      wanted.insert(decision.recordID)
      if decision.recordID.hasPrefix("'") { wanted.insert(String(decision.recordID.dropFirst())) }
      if decision.recordID.hasSuffix(" bytes]") { everyID = true }
    }
    var rows: [String: [Int]] = [:]
    for row in 0..<table.rowCount {
      if let key = column.formatted(row: row), everyID || wanted.contains(key) { rows[key, default: []].append(row) }
    }
    return rows
  }

  /// Drops repeated ids per `policy` (the first record of an id is the one kept by `keep-first`).
  mutating func dropDuplicates(_ policy: DuplicatePolicy) {
    guard policy != .keep, let id = table.idColumn, let column = table.column(id) else { return }
    let earlier = column.earlierDuplicates(skipping: dropped)
    var drops = Set<Int>()
    for row in 0..<table.rowCount where earlier[row] >= 0 {
      drops.insert(row)
      if policy == .dropAll { drops.insert(Int(earlier[row])) }
    }
    for row in drops.sorted() { drop(row, reason: "duplicate-id") }
  }

  mutating func handleInvalid(_ findings: [Finding], policy: InvalidPolicy) {
    guard policy != .keep else { return }
    var handled = Set<CellKey>()
    for finding in findings where Clean.valueRules.contains(finding.rule) {
      guard let row = finding.row, let name = finding.variable, let column = table.columnIndex(name),
        !dropped[row]
      else { continue }
      let key = CellKey(row: row, column: column)
      guard !accepted.contains(key), handled.insert(key).inserted else { continue }
      switch policy {
      case .setMissing:
        let old = table.columns[column].original(row: row)
        table.columns[column].setMissing(row: row)
        log(row: row, column: column, old: old, new: nil, reason: finding.rule.rawValue)
      case .dropRecord:
        drop(row, reason: finding.rule.rawValue, column: column)
      case .keep:
        break
      }
    }
  }

  mutating func clearMissingCodes() {
    for column in table.columns.indices {
      let raw = table.columns[column].raw
      guard !raw.isEmpty else { continue }
      for row in raw.keys.sorted() where table.columns[column].state[row] == .missingCode && !dropped[row] {
        guard !accepted.contains(CellKey(row: row, column: column)) else { continue }
        table.columns[column].setMissing(row: row)
        log(row: row, column: column, old: raw[row], new: nil, reason: "missing-code")
      }
    }
  }

  /// Drops records with no value left in a design column: they cannot be weighted.
  mutating func dropMissingDesign(_ names: [String]) {
    // One pass per column; the first design column a record lacks is the one logged.
    var firstMissing = [Int32](repeating: -1, count: table.rowCount)
    for column in names.compactMap({ table.columnIndex($0) }) {
      table.columns[column].state.withUnsafeBufferPointer { state in
        for row in 0..<state.count where state[row] != .present && firstMissing[row] < 0 {
          firstMissing[row] = Int32(column)
        }
      }
    }
    for row in 0..<table.rowCount where firstMissing[row] >= 0 && !dropped[row] {
      drop(row, reason: "missing-design", column: Int(firstMissing[row]))
    }
  }

  func finish() -> CleanResult {
    let keep = dropped.map { !$0 }
    // By batch and line; within a record by column (record drops last), then as raised.
    let sorted = changes.sorted {
      ($0.batchIndex, $0.line, $0.column, $0.order) < ($1.batchIndex, $1.line, $1.column, $1.order)
    }
    var resolutions: [Resolution] = resolved.map { Resolution(row: $0.key.row, variable: table.columns[$0.key.column].name, action: $0.value) }
    resolutions += droppedByDecision.map { Resolution(row: $0, variable: nil, action: .drop) }
    return CleanResult(
      table: table.filtered(keep), changes: sorted, findings: findings, rawRecords: table.rowCount,
      droppedRecords: dropped.filter { $0 }.count, resolutions: resolutions)
  }
}
