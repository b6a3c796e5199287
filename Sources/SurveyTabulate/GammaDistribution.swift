import Foundation

/// The chi-squared distribution's upper tail (R's `pchisq(x, df, lower.tail = FALSE)`), from the
/// regularized incomplete gamma function, for the Rao–Scott `Chisq` test.
public enum GammaDistribution {
  /// P(X > x) for X ~ χ²(df).
  public static func chiSquaredUpperTail(_ x: Double, degreesOfFreedom df: Double) -> Double {
    guard x.isFinite, df > 0 else { return x == .infinity ? 0 : .nan }
    return upperRegularized(df / 2, x / 2)
  }

  /// Q(a, x) = Γ(a, x)/Γ(a): the series for x < a + 1, else the continued fraction (Lentz).
  static func upperRegularized(_ a: Double, _ x: Double) -> Double {
    if x <= 0 { return 1 }
    let logPrefactor = a * Foundation.log(x) - x - Foundation.lgamma(a)
    if x < a + 1 {
      var term = 1 / a
      var sum = term
      var n = a
      for _ in 0..<100_000 {
        n += 1
        term *= x / n
        sum += term
        if abs(term) < abs(sum) * 1e-17 { break }
      }
      return 1 - sum * Foundation.exp(logPrefactor)
    }
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    for i in 1...100_000 {
      let an = -Double(i) * (Double(i) - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let step = d * c
      h *= step
      if abs(step - 1) < 1e-16 { break }
    }
    return Foundation.exp(logPrefactor) * h
  }
}
