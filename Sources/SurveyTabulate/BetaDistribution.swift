import Foundation

/// The beta distribution's distribution function and quantiles (R's `pbeta` and `qbeta`), for
/// the `beta` proportion interval.
public enum BetaDistribution {
  /// P(X ≤ x) for X ~ Beta(a, b): the regularized incomplete beta function I_x(a, b), and its
  /// complement, each computed directly on its own side.
  static func cdf(_ x: Double, _ a: Double, _ b: Double) -> (value: Double, complement: Double) {
    if x <= 0 { return (0, 1) }
    if x >= 1 { return (1, 0) }
    let logPrefactor = a * Foundation.log(x) + b * Foundation.log1p(-x) - IncompleteBeta.logBeta(a, b)
    return IncompleteBeta.regularized(
      x: ExtendedFloat(x), y: 1 - ExtendedFloat(x), a: a, b: b, logPrefactor: logPrefactor)
  }

  /// P(X ≤ x) for X ~ Beta(a, b).
  public static func cdf(_ x: Double, a: Double, b: Double) -> Double {
    cdf(x, a, b).value
  }

  /// The p-quantile of Beta(a, b): the x with I_x(a, b) = p, to the last bit the distribution
  /// function can tell apart. NaN unless a and b are positive and finite and p is in [0, 1].
  ///
  /// Bisection on [0, 1], which the distribution function's monotonicity makes safe for every
  /// shape (R's `qbeta` uses a Newton method with safeguards; both agree to about 1e-15 on the
  /// intervals tested). Above the median the complements are compared, so that a quantile near 1
  /// keeps its digits.
  public static func quantile(_ p: Double, a: Double, b: Double) -> Double {
    guard a > 0, b > 0, a.isFinite, b.isFinite, p >= 0, p <= 1 else { return .nan }
    if p == 0 { return 0 }
    if p == 1 { return 1 }
    let upper = p > 0.5
    let target = upper ? 1 - p : p
    var low = 0.0
    var high = 1.0
    for _ in 0..<2_000 {
      let middle = low + (high - low) / 2
      guard middle > low, middle < high else { break }
      let (value, complement) = cdf(middle, a, b)
      let below = upper ? complement > target : value < target
      if below { low = middle } else { high = middle }
    }
    return low + (high - low) / 2
  }
}
