import Foundation

/// Student's t distribution with `degreesOfFreedom` > 0 (not necessarily whole).
public enum StudentT {
  /// P(T > `t`) for `t` ≥ 0, from the regularized incomplete beta function:
  /// P(T > t) = ½ I_x(ν/2, ½) with x = ν/(ν + t²).
  static func upperTail(_ t: Double, _ df: Double) -> Double {
    if t == 0 { return 0.5 }
    if t.isInfinite { return 0 }
    let square = t * t
    let sum = ExtendedFloat(df) + ExtendedFloat(square)
    let x = ExtendedFloat(df) / sum
    let y = ExtendedFloat(square) / sum
    let a = df / 2
    let b = 0.5
    // log(x^a y^b / B(a, b)) with x^a = (1 + t²/ν)^(-a) computed through log1p.
    let logPrefactor =
      -a * Foundation.log1p(square / df) + b * Foundation.log(square / (df + square)) - IncompleteBeta.logBeta(a, b)
    return 0.5 * IncompleteBeta.regularized(x: x, y: y, a: a, b: b, logPrefactor: logPrefactor).value
  }

  /// The density at `t`.
  public static func density(_ t: Double, degreesOfFreedom df: Double) -> Double {
    let logDensity =
      -IncompleteBeta.logBeta(df / 2, 0.5) - 0.5 * Foundation.log(df) - (df + 1) / 2 * Foundation.log1p(t * t / df)
    return Foundation.exp(logDensity)
  }

  /// The distribution function P(T ≤ `t`).
  ///
  /// Accurate to about 1e-15 relative in either tail.
  /// - Parameters:
  ///   - t: the point.
  ///   - degreesOfFreedom: ν > 0; NaN otherwise.
  public static func cdf(_ t: Double, degreesOfFreedom df: Double) -> Double {
    guard df > 0, !t.isNaN else { return .nan }
    if df.isInfinite { return NormalDistribution.cdf(t) }
    return t >= 0 ? 1 - upperTail(t, df) : upperTail(-t, df)
  }

  /// The `p`-quantile: the `t` with P(T ≤ t) = `p`, as R's `qt(p, df)`.
  ///
  /// Starts from Hill's (1970) approximation and refines it by Newton steps with a second-order
  /// correction, kept inside a bracket, until the step is below 1e-15 relative; above 10⁷
  /// degrees of freedom the Cornish–Fisher expansion is exact to rounding and is used instead.
  /// The result is accurate to about 1e-14 relative.
  /// - Parameters:
  ///   - p: a probability in [0, 1].
  ///   - degreesOfFreedom: ν > 0; NaN otherwise (R's `qt` is also NaN for ν = 0).
  public static func quantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
    guard p >= 0, p <= 1, df > 0 else { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    if p == 0.5 { return 0 }
    // Solve P(T > t) = alpha for t > 0, alpha ≤ ½, and restore the sign.
    let alpha = p > 0.5 ? 1 - p : p
    let t = df > 1e7 ? cornishFisher(alpha, df) : upperQuantile(alpha, df)
    return p > 0.5 ? t : -t
  }

  /// The Cornish–Fisher expansion of the t quantile in powers of 1/ν around the normal quantile
  /// z, to 1/ν⁴: exact to rounding once ν > 10⁷, where the terms left out are below 1e-20.
  static func cornishFisher(_ alpha: Double, _ df: Double) -> Double {
    let z = -NormalDistribution.quantile(alpha)
    let z2 = z * z
    let g1 = z * (z2 + 1) / 4
    let g2 = z * ((5 * z2 + 16) * z2 + 3) / 96
    let g3 = z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / 384
    let g4 = z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) / 92160
    return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df
  }

  /// The t > 0 with P(T > t) = `alpha`, 0 < alpha < ½.
  static func upperQuantile(_ alpha: Double, _ df: Double) -> Double {
    if df == 1 { return 1 / Foundation.tan(Double.pi * alpha) }
    if df == 2 { return (1 - 2 * alpha) / (2 * alpha * (1 - alpha)).squareRoot() }
    var t = hillApproximation(twoSided: 2 * alpha, df)
    if !(t > 0) || !t.isFinite { t = 1 }
    var low = 0.0
    var high = Double.infinity
    for _ in 0..<200 {
      let tail = upperTail(t, df)
      if tail == alpha { return t }
      if tail > alpha { low = t } else { high = t }
      let density = density(t, degreesOfFreedom: df)
      let step = (tail - alpha) / density
      var next = t + step * (1 + step * t * (df + 1) / (2 * (t * t + df)))
      if !(next > low && next < high) || !next.isFinite {
        next = high.isFinite ? (low + high) / 2 : max(2 * t, 1)
      }
      if abs(next - t) <= 1e-15 * abs(t) { return next }
      t = next
    }
    return t
  }

  /// Hill's approximation (Comm. ACM 13, 1970, algorithm 396) of the t with two-sided tail
  /// probability `twoSided`, for ν ≥ 1; a starting point only.
  static func hillApproximation(twoSided p: Double, _ n: Double) -> Double {
    let a = 1 / (n - 0.5)
    let b = 48 / (a * a)
    var c = ((20700 * a / b - 98) * a - 16) * a + 96.36
    let d = ((94.5 / (b + c) - 3) / b + 1) * (a * Double.pi / 2).squareRoot() * n
    var y = Foundation.pow(d * p, 2 / n)
    if y > 0.05 + a {
      let x = NormalDistribution.quantile(0.5 * p)
      y = x * x
      if n < 5 { c += 0.3 * (n - 4.5) * (x + 0.6) }
      c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c
      y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x
      y = Foundation.expm1(a * y * y)
    } else {
      y =
        ((1 / (((n + 6) / (n * y) - 0.089 * d - 0.822) * (n + 2) * 3) + 0.5 / (n + 4)) * y - 1)
        * (n + 1) / (n + 2) + 1 / y
    }
    return (n * y).squareRoot()
  }
}
