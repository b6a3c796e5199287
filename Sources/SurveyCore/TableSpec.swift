/// A statistic a table or `estimate` can compute.
public enum Statistic: String, Sendable, CaseIterable {
  case mean, total, proportion
}

/// How confidence intervals are built.
public enum IntervalMethod: String, Sendable, CaseIterable {
  /// estimate ± t(df) × SE.
  case wald
}

/// One weighted table: a statistic of a variable, possibly by domains.
public struct TableSpec: Sendable, Equatable {
  public var name: String
  public var statistic: Statistic
  public var variable: String
  public var by: [String]
  public var interval: IntervalMethod
  public var level: Double
  public var deff: Bool
  public var line: Int?

  public init(
    name: String, statistic: Statistic, variable: String, by: [String] = [],
    interval: IntervalMethod = .wald, level: Double = 0.95, deff: Bool = false, line: Int? = nil
  ) {
    self.name = name
    self.statistic = statistic
    self.variable = variable
    self.by = by
    self.interval = interval
    self.level = level
    self.deff = deff
    self.line = line
  }
}
