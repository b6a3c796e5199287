import SurveyCore

/// How estimates are reported: confidence level and interval, and whether to add design effects.
public struct EstimateOptions: Sendable, Equatable {
  /// The confidence level of intervals, strictly between 0 and 1.
  public var level: Double
  public var interval: IntervalMethod
  /// Report the design effect (variance over the variance of simple random sampling).
  public var deff: Bool
  /// Add the difference between two levels of a by-variable (rows of statistic `difference`).
  public var difference: DifferenceSpec?
  /// How quantiles are defined (R's `qrule`).
  public var quantileRule: QuantileRule

  public init(
    level: Double = 0.95, interval: IntervalMethod = .wald, deff: Bool = false, difference: DifferenceSpec? = nil,
    quantileRule: QuantileRule = .math
  ) {
    self.quantileRule = quantileRule
    self.level = level
    self.interval = interval
    self.deff = deff
    self.difference = difference
  }
}
