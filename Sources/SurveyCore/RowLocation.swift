/// Where a row came from, for messages: batch file, line and respondent id (never a value).
public struct RowLocation: Equatable, Sendable, CustomStringConvertible {
  public var batch: String
  public var line: Int
  public var recordID: String?

  public init(batch: String, line: Int, recordID: String?) {
    self.batch = batch
    self.line = line
    self.recordID = recordID
  }

  /// The row `row` of `table`.
  public init(row: Int, in table: DataTable) {
    let place = table.location(row: row)
    self.init(batch: place.batch, line: place.line, recordID: table.recordID(row: row))
  }

  /// `batch:line`, followed by ` (record ID)` when the table has an id column.
  public var description: String {
    "\(batch):\(line)" + (recordID.map { " (record \($0))" } ?? "")
  }
}
