/// The storage and validation type of a survey variable, as written in a codebook.
public enum VariableType: String, Sendable, CaseIterable {
  case integer, decimal, categorical, text, date, multiple
  /// A date and time (ISO 8601 with an offset, as Kobo's `start`, `end`, `_submission_time`).
  case datetime

  /// True for types whose cells hold numbers (integer and decimal).
  public var isNumeric: Bool { self == .integer || self == .decimal }
}

/// A code and its label, as in `codes: {1: Male, 2: Female}`.
public struct CodeLabel: Sendable, Hashable {
  public var code: String
  public var label: String

  public init(code: String, label: String) {
    self.code = code
    self.label = label
  }
}

/// One variable of a codebook.
public struct Variable: Sendable {
  /// The column name in tidy outputs.
  public var name: String
  public var label: String?
  public var type: VariableType
  /// Codes in codebook order, for `categorical` and `multiple` variables.
  public var codes: [CodeLabel]
  /// Inclusive bounds for numeric values, either side optional.
  public var range: ClosedRange<Double>?
  public var required: Bool
  public var unique: Bool
  /// Skip logic: the variable should be answered only where this holds.
  public var relevant: Expression?
  /// A condition every answered value must satisfy.
  public var constraint: Expression?
  /// Personal data: never written to tidy outputs or logs.
  public var pii: Bool
  /// Text answers may hold line breaks (a quoted cell over several lines); without it such a
  /// cell sets its record aside as a `quoted-line-break`, the mark of a stray quote.
  public var lineBreaks: Bool = false
  /// Other header names this variable arrives under in batch files.
  public var aliases: [String]
  /// Date layout for `date` variables, e.g. `dd.MM.yyyy`; ISO `yyyy-MM-dd` when absent.
  public var format: String?
  /// Missing codes for this variable; `nil` means the codebook's survey-wide ones.
  public var missingCodes: [CodeLabel]?
  /// The line of the codebook that defines the variable.
  public var line: Int?
  /// For a categorical variable with an "other" code: that code and the text variable that
  /// specifies it (`other: {code: 96, specify: occupation_other}`, rule `other-specify`).
  public var other: OtherSpecify?

  public init(
    name: String, label: String? = nil, type: VariableType, codes: [CodeLabel] = [],
    range: ClosedRange<Double>? = nil, required: Bool = false, unique: Bool = false,
    relevant: Expression? = nil, constraint: Expression? = nil, pii: Bool = false,
    aliases: [String] = [], format: String? = nil, missingCodes: [CodeLabel]? = nil,
    line: Int? = nil
  ) {
    self.name = name
    self.label = label
    self.type = type
    self.codes = codes
    self.range = range
    self.required = required
    self.unique = unique
    self.relevant = relevant
    self.constraint = constraint
    self.pii = pii
    self.aliases = aliases
    self.format = format
    self.missingCodes = missingCodes
    self.line = line
  }

  /// The label of `code`, if the codebook gives one.
  public func label(ofCode code: String) -> String? {
    codes.first { $0.code == code }?.label
  }
}

/// A categorical variable's "other, specify" pair: the code meaning "other" and the text
/// variable where the answer is written out.
public struct OtherSpecify: Sendable, Equatable {
  public var code: String
  public var specify: String

  public init(code: String, specify: String) {
    self.code = code
    self.specify = specify
  }
}
