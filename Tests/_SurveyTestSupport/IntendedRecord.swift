/// A record the generator wrote.
public struct IntendedRecord: Sendable {
  public var batch: String
  /// The physical line where the record starts.
  public var firstLine: Int
  /// The id written (for ``Mutation/repeatedID``, the earlier record's id it repeats).
  public var id: String
  /// The hostile or malformed change made to the record, if any.
  public var mutation: Mutation?
  /// What the tidy data must hold for each variable that reaches it, and the values of
  /// personal-data variables that cleaning must clear (unmutated records).
  public var cells: [String: ExpectedCell]
  /// For ``Mutation/strayQuotePair``: the variable whose field the stray quote opens.
  public var quotedColumn: String?
  /// The reason cleaning must drop this sound record for (`missing-design` without a weight).
  public var expectedDrop: String? { cells["w"] == .missing ? "missing-design" : nil }
}

/// What a variable of an unmutated record must become.
public enum ExpectedCell: Sendable, Equatable {
  /// This exact text (`""` is an empty answer, written as `""` in the tidy data).
  case text(String)
  case number(Double)
  case code(String)
  /// Blank in the tidy data, and no cleaning-log row.
  case missing
  /// Blank in the tidy data, with a cleaning-log row giving the value as read and the reason.
  case cleared(old: String, reason: String)
}

/// Ways a generated record is damaged.
public enum Mutation: String, Sendable, CaseIterable {
  /// One field fewer or one more than the header.
  case ragged
  /// A `"` inserted somewhere in the record's first line.
  case strayQuote
  /// The record's fields separated by another delimiter than the file's.
  case wrongDelimiter
  /// The file ends inside the record (no line end after it).
  case truncated
  /// The record repeats the id of an earlier record.
  case repeatedID
  /// A quoted line break in `city`, whose codebook variable does not allow line breaks.
  case lineBreakInPlainColumn
  /// A `"` before a field that opens a quoted field running on to a ``closingStrayQuote`` one
  /// to three records later, in the same column, with no other quote between them.
  case strayQuotePair
  /// A `"` after a field that closes the quoted field a ``strayQuotePair`` opened.
  case closingStrayQuote

  /// Whether the exact reading of the file's lines stays predictable.
  var isHostile: Bool { self != .ragged && self != .repeatedID }
}
