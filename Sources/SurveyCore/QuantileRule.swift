import Foundation

/// How a weighted quantile is defined, as R's `svyquantile(qrule = …)`: the rules of Hyndman and
/// Fan (1996) generalised to weights, and the estimator of Shah and Vaish (2006).
///
/// `math` (= `hf1`) is the inverse of the weighted distribution function, the mathematical
/// definition and R's default; `school` (= `hf2`) averages the two neighbouring values where the
/// distribution function is flat at the probability; `hf7` interpolates linearly, as R's
/// unweighted `quantile()` default. docs/statistics.md, "Quantiles", gives every formula.
public enum QuantileRule: String, Sendable, CaseIterable {
  case math, school
  case hf1, hf2, hf3, hf4, hf5, hf6, hf7, hf8, hf9
  case shahvaish

  /// The names `--quantile-rule` and `quantile_rule:` accept, for messages.
  public static let names = allCases.map(\.rawValue).joined(separator: ", ")
}

/// A quantile request `VARIABLE@P1,P2,…` (`--quantile oop_cost@0.25,0.5,0.75`): the variable and
/// its probabilities, each in [0, 1]; nil when malformed. Without `@`, the median.
public func quantileParts(_ request: String) -> (variable: String, probabilities: [Double])? {
  let parts = request.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
  guard let name = parts.first, !name.isEmpty else { return nil }
  guard parts.count == 2 else { return (String(name), [0.5]) }
  var probabilities: [Double] = []
  for text in parts[1].split(separator: ",", omittingEmptySubsequences: false) {
    guard let p = Double(text.trimmingCharacters(in: .whitespaces)), p >= 0, p <= 1 else { return nil }
    probabilities.append(p)
  }
  return probabilities.isEmpty ? nil : (String(name), probabilities)
}
