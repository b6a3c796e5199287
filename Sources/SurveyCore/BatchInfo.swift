/// A batch file that contributed rows to a ``DataTable``.
public struct BatchInfo: Sendable, Equatable {
  /// The name shown in logs: the file name, e.g. `batch-03-south.csv`.
  public var name: String
  public var path: String
  /// The decimal mark the batch was read with.
  public var decimal: UInt8

  public init(name: String, path: String, decimal: UInt8 = UInt8(ascii: ".")) {
    self.name = name
    self.path = path
    self.decimal = decimal
  }
}

/// A record-level problem that makes a whole row untrustworthy (its fields cannot be lined up
/// with the header). Such rows stay in the table so nothing is lost; cleaning drops them.
public struct RowIssue: Sendable, Equatable {
  /// The rule that found it: `ragged-row`, `bad-quote` or `quoted-line-break`.
  public var rule: RuleID
  /// The record's id cell can be trusted to name it in logs (see ingest's `RecordIDTrust`);
  /// when false, findings and changes name the record by batch and line only.
  public var idTrusted: Bool

  public init(rule: RuleID, idTrusted: Bool = false) {
    self.rule = rule
    self.idTrusted = idTrusted
  }
}

/// A variable whose column is absent from one batch's header.
public struct MissingColumn: Sendable, Hashable {
  public var batch: Int
  public var variable: String

  public init(batch: Int, variable: String) {
    self.batch = batch
    self.variable = variable
  }
}
