/// A statistic a table or `estimate` can compute.
public enum Statistic: String, Sendable, CaseIterable {
  case mean, total, proportion
  /// A ratio of two numeric variables' totals (R's `svyratio`); its variable is `NUM/DEN`.
  case ratio
  /// Quantiles of a numeric variable (R's `svyquantile`), one row per probability, with
  /// Woodruff's confidence interval and the SE derived from it.
  case quantile
  /// A total per `per` units of an outside population or of another variable's total
  /// (``RateSpec``); its variable is the numerator, or `NUM/DEN`.
  case rate
}

/// How confidence intervals are built. Every method but `wald` and `mean` applies to proportions
/// only (R's `svyciprop`); means and totals always get the Wald interval.
public enum IntervalMethod: String, Sendable, CaseIterable {
  /// estimate ± t(df) × SE.
  case wald
  /// `svyciprop(method = "mean")`: the Wald interval of the proportion, estimate ± t(df) × SE.
  case mean
  /// `svyciprop(method = "logit")`: the Wald interval of logit(p) from the intercept-only
  /// quasi-binomial model, mapped back; inside [0, 1].
  case logit
  /// `svyciprop(method = "xlogit")`: the same interval through the delta method on logit(p).
  case xlogit
  /// `svyciprop(method = "asin")`: the Wald interval of asin(√p) (delta method), mapped back by sin².
  case asin
  /// `svyciprop(method = "beta")`: Korn and Graubard's Clopper–Pearson interval with the
  /// effective sample size p(1 − p)/SE², corrected for the design's degrees of freedom.
  case beta
  /// `svyciprop(method = "likelihood")`: the profile-likelihood interval of the quasi-binomial
  /// intercept, its cut-off scaled by the design effect (Rao–Scott); inside [0, 1]. Not for
  /// quantiles (R's `svyquantile` has no such interval type).
  case likelihood

  /// Whether the method is one of `svyciprop`'s, for proportions (and, but `likelihood`, quantiles).
  public var isProportionOnly: Bool { self != .wald && self != .mean }
}

/// The numerator and denominator of a ratio's variable `NUM/DEN`: split at its one `/`, nil
/// unless both sides are non-empty.
public func ratioParts(_ variable: String) -> (numerator: String, denominator: String)? {
  let parts = variable.split(separator: "/", omittingEmptySubsequences: false)
  guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
  return (String(parts[0]), String(parts[1]))
}

/// A difference between two levels of one by-variable (`--difference round=1,2`, a table's
/// `difference: {round: [1, 2]}`): the estimate at `to` minus the estimate at `from`, for every
/// combination of the other by-variables.
public struct DifferenceSpec: Sendable, Equatable {
  public var variable: String
  public var from: String
  public var to: String

  public init(variable: String, from: String, to: String) {
    self.variable = variable
    self.from = from
    self.to = to
  }
}

/// A test of association between two categorical variables (a table's `chisq: [A, B]`), with the
/// statistic of R's `svychisq` (`chisq_statistic:`, default `F`).
public struct AssociationSpec: Sendable, Equatable {
  public var variables: [String]
  public var statistic: String
  /// The statistics a pipeline may name.
  public static let statistics = ["F", "Chisq", "Wald", "adjWald"]

  public init(variables: [String], statistic: String = "F") {
    self.variables = variables
    self.statistic = statistic
  }
}

/// One weighted table: a statistic of a variable, possibly by domains, or a test of association.
public struct TableSpec: Sendable, Equatable {
  public var name: String
  public var statistic: Statistic
  public var variable: String
  public var by: [String]
  public var interval: IntervalMethod
  public var level: Double
  public var deff: Bool
  /// The difference between two domains to add, if any.
  public var difference: DifferenceSpec?
  /// For quantiles: the probabilities, each in [0, 1] (the median unless the table says).
  public var probabilities: [Double] = [0.5]
  /// For quantiles: the rule that defines a weighted quantile (R's `qrule`).
  public var quantileRule: QuantileRule = .math
  /// For a test of association: its variables and statistic (``statistic`` and ``variable`` then
  /// only name it: `proportion` of `A:B`).
  public var association: AssociationSpec?
  /// Estimate for the rows where this is true, as a domain of the full design (R's
  /// `subset(design, …)`); nil for every row.
  public var filter: Expression?
  /// For a rate: its numerator, denominator or population, and unit.
  public var rate: RateSpec?
  /// What the table measures (`indicator:`), shown with it and kept in its metadata.
  public var indicator: IndicatorSpec?
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
