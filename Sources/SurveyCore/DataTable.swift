/// The one in-memory, columnar table that flows through every stage.
///
/// Each row remembers the batch it came from and the line where its record starts, so every
/// finding and every change can be traced back to the raw cell.
public struct DataTable: Sendable {
  public var columns: [Column]
  public var batches: [BatchInfo]
  /// Per row: index into ``batches``.
  public var rowBatch: [UInt16]
  /// Per row: 1-based line in its batch where the record starts.
  public var rowLine: [Int32]
  /// Rows whose record could not be read field by field, by row index.
  public var rowIssues: [Int: RowIssue]
  /// The name of the column that identifies respondents, if any.
  public var idColumn: String?
  /// Variables whose column a batch lacks (already reported once, not cell by cell).
  public var missingColumns: Set<MissingColumn> = []

  public init(
    columns: [Column], batches: [BatchInfo], rowBatch: [UInt16], rowLine: [Int32],
    rowIssues: [Int: RowIssue] = [:], idColumn: String? = nil
  ) {
    self.columns = columns
    self.batches = batches
    self.rowBatch = rowBatch
    self.rowLine = rowLine
    self.rowIssues = rowIssues
    self.idColumn = idColumn
  }

  public var rowCount: Int { rowBatch.count }

  /// The index of the column called `name`.
  public func columnIndex(_ name: String) -> Int? {
    columns.firstIndex { $0.name == name }
  }

  /// The column called `name`.
  public func column(_ name: String) -> Column? {
    columnIndex(name).map { columns[$0] }
  }

  /// The respondent id of `row` as text, if the table has an id column and the cell is present,
  /// and, for a record that could not be split into fields, only if its id cell can be trusted.
  public func recordID(row: Int) -> String? {
    guard let idColumn, let column = column(idColumn) else { return nil }
    if let issue = rowIssues[row], !issue.idTrusted { return nil }
    return column.original(row: row)
  }

  /// The batch name and line of `row`.
  public func location(row: Int) -> (batch: String, line: Int) {
    (batches[Int(rowBatch[row])].name, Int(rowLine[row]))
  }

  /// Keeps the rows where `keep` is true, in order.
  public func filtered(_ keep: [Bool]) -> DataTable {
    precondition(keep.count == rowCount)
    if !keep.contains(false) { return self }
    var newIndex = [Int](repeating: -1, count: rowCount)
    var next = 0
    for i in 0..<rowCount where keep[i] {
      newIndex[i] = next
      next += 1
    }
    var issues: [Int: RowIssue] = [:]
    for (row, issue) in rowIssues where keep[row] { issues[newIndex[row]] = issue }
    var batch: [UInt16] = []
    var line: [Int32] = []
    batch.reserveCapacity(next)
    line.reserveCapacity(next)
    for i in 0..<rowCount where keep[i] {
      batch.append(rowBatch[i])
      line.append(rowLine[i])
    }
    var table = DataTable(
      columns: columns.map { $0.filtered(keep, newRowIndex: newIndex) }, batches: batches,
      rowBatch: batch, rowLine: line, rowIssues: issues, idColumn: idColumn)
    table.missingColumns = missingColumns
    return table
  }
}
