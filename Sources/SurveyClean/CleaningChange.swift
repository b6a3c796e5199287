import SurveyCore

/// One line of the cleaning log: a value changed or a record dropped, and why.
public struct CleaningChange: Sendable, Equatable {
  public var recordID: String?
  /// The variable changed; nil when the whole record is dropped.
  public var variable: String?
  public var oldValue: String?
  public var newValue: String?
  /// The rule (`range`, `missing-code`, `duplicate-id`, …), `decision`, `recode:NAME` or `derive:NAME`.
  public var reason: String
  /// The batch and line of the record; empty and 0 on the summary line of a derived column.
  public var batch: String
  public var line: Int
  /// Sort keys (not written).
  var batchIndex: Int
  var column: Int
  var order: Int

  public init(
    recordID: String?, variable: String?, oldValue: String?, newValue: String?, reason: String, batch: String,
    line: Int, batchIndex: Int = 0, column: Int = 0, order: Int = 0
  ) {
    self.recordID = recordID
    self.variable = variable
    self.oldValue = oldValue
    self.newValue = newValue
    self.reason = reason
    self.batch = batch
    self.line = line
    self.batchIndex = batchIndex
    self.column = column
    self.order = order
  }
}

/// `cleaning-log.csv`: every changed or dropped value.
public enum CleaningLog {
  public static let columns = ["record_id", "variable", "old_value", "new_value", "reason", "batch", "line"]

  /// The log as CSV; cells that a spreadsheet would run as formulas are prefixed with `'`
  /// (``SurveyCore/CSVWriter/runsAsFormula(_:)``: not numbers such as `-5`), and ids, names
  /// and values are cut at ``SurveyCore/LogText/valueLimit`` scalars.
  public static func csv(_ changes: [CleaningChange]) -> String {
    var writer = CSVWriter(neutralizesFormulas: true)
    writer.row(columns)
    for change in changes {
      let texts = [change.recordID, change.variable, change.oldValue, change.newValue, change.reason, change.batch]
      // A summary line for a whole new column has no record, batch or line.
      writer.row(texts.map { $0.map { LogText.capped($0) } } + [change.line > 0 ? String(change.line) : nil])
    }
    return writer.text
  }
}
