import SurveyCore

/// One estimate: a statistic of a variable (or of one level of it) in one domain.
///
/// `nil` numbers are written as null or blank: an empty domain (no row with a value) has no
/// estimate, a design effect is nil unless requested or when it is undefined, and a
/// suppressed row keeps only its `df` and `n`.
public struct EstimateRow: Sendable, Equatable {
  public var statistic: Statistic
  public var variable: String
  /// The category for a proportion or a total of a categorical variable.
  public var level: String?
  /// For a quantile: its probability.
  public var quantile: Double?
  /// The domain: each by-variable with its level, in by-variable order; empty for the whole sample.
  public var by: [DomainLevel]
  public var estimate: Double?
  public var se: Double?
  public var ciLow: Double?
  public var ciHigh: Double?
  public var deff: Double?
  /// Degrees of freedom: PSUs minus strata among the rows used.
  public var df: Int
  /// Unweighted number of rows used: the domain's rows with a value.
  public var n: Int
  /// The cell was blanked because `n` is below the suppression threshold.
  public var suppressed: Bool
  /// For a row of statistic `difference`: which levels of which by-variable it compares (the
  /// estimate at `to` minus the one at `from`); `by` then holds the other by-variables.
  public var difference: DifferenceSpec?
  /// For a difference: the two-sided p-value of the t test that it is 0.
  public var pValue: Double?

  public init(
    statistic: Statistic, variable: String, level: String? = nil, quantile: Double? = nil,
    by: [DomainLevel] = [], estimate: Double?, se: Double?, ciLow: Double?, ciHigh: Double?,
    deff: Double? = nil, df: Int, n: Int, suppressed: Bool = false
  ) {
    self.statistic = statistic
    self.variable = variable
    self.level = level
    self.quantile = quantile
    self.by = by
    self.estimate = estimate
    self.se = se
    self.ciLow = ciLow
    self.ciHigh = ciHigh
    self.deff = deff
    self.df = df
    self.n = n
    self.suppressed = suppressed
  }
}
