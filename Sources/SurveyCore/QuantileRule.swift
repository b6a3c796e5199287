/// How a weighted quantile is defined, as R's `svyquantile(qrule = …)`: the rules of Hyndman and
/// Fan (1996) generalised to weights, and the estimator of Shah and Vaish (2006).
///
/// `math` (= `hf1`) is the inverse of the weighted distribution function, the mathematical
/// definition and R's default; `school` (= `hf2`) averages the two neighbouring values where the
/// distribution function is flat at the probability; `hf7` interpolates linearly, as R's
/// unweighted `quantile()` default. docs/statistics.md, "Quantiles", gives every formula.
public enum QuantileRule: String, Sendable, CaseIterable {
  /// The inverse of the weighted distribution function (R's default); the same as `hf1`.
  case math
  /// The mean of the two values around p where the distribution function is flat at p; `hf2`.
  case school
  /// Hyndman and Fan's definitions 1 to 9 with weights (R's `qrule_hf1` … `qrule_hf9`): 1 to 4
  /// step between the values, 5 to 9 interpolate between plotting positions.
  case hf1, hf2, hf3, hf4, hf5, hf6, hf7, hf8, hf9
  /// Shah and Vaish's (2006) estimator for survey data.
  case shahvaish

  /// The names `--quantile-rule` and `quantile_rule:` accept, for messages.
  public static let names = allCases.map(\.rawValue).joined(separator: ", ")
}
