/// The type, codes and label of a variable the pipeline adds (a recode's new `into`, a
/// derived variable): what `tidy/datapackage.json` and the tables need to know of it.
public struct NewVariable: Sendable, Equatable {
  public var name: String
  public var type: VariableType
  /// The codes of a categorical, in order.
  public var codes: [CodeLabel]
  public var label: String?

  public init(name: String, type: VariableType, codes: [CodeLabel] = [], label: String? = nil) {
    self.name = name
    self.type = type
    self.codes = codes
    self.label = label
  }
}

/// One entry of `clean.recode`: a value map from a variable's values to new ones, in place or
/// into a new variable (`{variable: country_text, into: country, type: categorical, codes: {…},
/// map: {Italia: 1, Italy: 1}, other: missing}`).
public struct RecodeSpec: Sendable, Equatable {
  /// What a value the map does not name becomes.
  public enum Other: String, Sendable, CaseIterable {
    /// Kept as it is (in place), or copied when it is a value of the new variable.
    case keep
    /// Made missing.
    case missing
  }

  /// One `from: to` pair of the map, in file order.
  public struct Entry: Sendable, Equatable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
      self.from = from
      self.to = to
    }
  }

  /// Names the recode in the cleaning log's reason (`recode:NAME`); the `into` variable by default.
  public var name: String
  /// The variable read.
  public var variable: String
  /// The variable written: `variable` itself (in place), or a new one described by `newVariable`.
  public var into: String
  public var map: [Entry]
  public var other: Other
  /// The new variable's type, codes and label; nil for a recode in place.
  public var newVariable: NewVariable?
  /// The line of the entry in the pipeline file.
  public var line: Int?

  public init(
    name: String, variable: String, into: String, map: [Entry], other: Other = .keep, newVariable: NewVariable? = nil,
    line: Int? = nil
  ) {
    self.name = name
    self.variable = variable
    self.into = into
    self.map = map
    self.other = other
    self.newVariable = newVariable
    self.line = line
  }

  /// True when the recode rewrites `variable` itself.
  public var inPlace: Bool { into == variable }
}
