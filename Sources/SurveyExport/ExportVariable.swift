/// One variable of a labelled file (Stata or SPSS): its values, and the labels of the variable,
/// its codes and its missing codes.
public struct ExportVariable: Sendable {
  /// How the values are stored and shown.
  public enum Kind: Sendable, Equatable {
    /// A number (codes, counts, amounts, the weight).
    case number
    /// Days since 1970-01-01 (Stata `%td`, SPSS `DATE11`).
    case date
    /// Milliseconds since 1970-01-01 UTC (Stata `%tc`, SPSS `DATETIME23.3`).
    case dateTime
    /// Text.
    case text
  }

  public var name: String
  public var label: String
  public var kind: Kind
  /// Per row, for numbers, dates and date-times: the value, NaN when missing.
  public var numbers: [Double]
  /// Per row, for text: the value ("" when missing).
  public var texts: [String]
  /// The labels of codes, in the codebook's order.
  public var valueLabels: [(value: Double, label: String)]
  /// The missing codes (98 Don't know, 99 Refused …), in the codebook's order: Stata writes the
  /// k-th as the extended missing value `.a` + k, SPSS as a user-missing value.
  public var missingCodes: [(value: Double, label: String)]
  /// Per row: 1 + the index of its missing code, 0 when it has none.
  public var missingCode: [UInt8]
  /// For one option of a multi-select: the question's name and the option's position (from 1).
  public var option: (question: String, position: Int)?

  public init(
    name: String, label: String, kind: Kind, numbers: [Double] = [], texts: [String] = [],
    valueLabels: [(value: Double, label: String)] = [], missingCodes: [(value: Double, label: String)] = [],
    missingCode: [UInt8] = []
  ) {
    self.name = name
    self.label = label
    self.kind = kind
    self.numbers = numbers
    self.texts = texts
    self.valueLabels = valueLabels
    self.missingCodes = missingCodes
    self.missingCode = missingCode
  }
}

/// The variables of a labelled file, all with the same number of rows.
public struct ExportDataset: Sendable {
  /// The file's label (the survey's name).
  public var label: String
  public var rowCount: Int
  public var variables: [ExportVariable]

  public init(label: String, rowCount: Int, variables: [ExportVariable]) {
    self.label = label
    self.rowCount = rowCount
    self.variables = variables
  }
}

extension ExportVariable {
  /// The values SPSS declares user-missing for the missing codes, in their order: the codes
  /// themselves, unless one is also a real value of the variable (an age of 99 a reviewer
  /// accepted, where 99 is also "Refused"): then their negatives, then large negative numbers
  /// (−999 999 990 − k), the first set no real value takes, so that no real value reads as
  /// missing.
  public var userMissingValues: [Double] {
    let codes = missingCodes.map(\.value)
    guard !codes.isEmpty, kind == .number else { return codes }
    var real = Set<Double>()
    for (row, value) in numbers.enumerated() where !value.isNaN && (missingCode.isEmpty || missingCode[row] == 0) {
      real.insert(value)
    }
    let candidates = [codes, codes.map { -$0 }, codes.indices.map { -999_999_990 - Double($0) }]
    return candidates.first { $0.allSatisfy { !real.contains($0) } } ?? candidates[2]
  }
}

extension ExportDataset {
  /// The bytes of the dataset as a `format` file.
  public func bytes(_ format: ExportFormat) throws -> [UInt8] {
    try ReadStatWriter(format: format).write(self)
  }

  /// Writes the dataset as a `format` file, handing its bytes to `sink` in order, a megabyte at
  /// a time.
  public func write(_ format: ExportFormat, to sink: (UnsafeRawBufferPointer) throws -> Void) throws {
    try ReadStatWriter(format: format).write(self, to: sink)
  }
}
