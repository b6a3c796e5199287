import Foundation

/// The regularized incomplete beta function and the log of the beta function, for the
/// Student t distribution.
enum IncompleteBeta {
  /// log √(2π).
  static let logSqrtTwoPi = 0.918938533204672741780329736406

  /// The remainder of Stirling's series, log Γ(x) − [(x − ½) log x − x + log √(2π)], for x ≥ 10
  /// (the terms left out are below 1e-16 there).
  static func stirlingRemainder(_ x: Double) -> Double {
    let inverse = 1 / x
    let square = inverse * inverse
    let series =
      1.0 / 12 - square * (1.0 / 360 - square * (1.0 / 1260 - square * (1.0 / 1680
        - square * (1.0 / 1188 - square * (691.0 / 360_360 - square / 156)))))
    return series * inverse
  }

  /// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b), without the cancellation of large
  /// log-gamma values when a or b is large (as R's `lbeta`).
  static func logBeta(_ a: Double, _ b: Double) -> Double {
    let p = min(a, b)
    let q = max(a, b)
    if p >= 10 {
      let correction = stirlingRemainder(p) + stirlingRemainder(q) - stirlingRemainder(p + q)
      return -0.5 * Foundation.log(q) + logSqrtTwoPi + correction + (p - 0.5) * Foundation.log(p / (p + q))
        + q * Foundation.log1p(-p / (p + q))
    }
    if q >= 10 {
      let correction = stirlingRemainder(q) - stirlingRemainder(p + q)
      return Foundation.lgamma(p) + correction + p - p * Foundation.log(p + q)
        + (q - 0.5) * Foundation.log1p(-p / (p + q))
    }
    return Foundation.lgamma(p) + Foundation.lgamma(q) - Foundation.lgamma(p + q)
  }

  /// I_x(a, b), from x and y = 1 − x (computed separately, in extended precision, so that neither
  /// loses digits), and the
  /// log of the prefactor x^a y^b / B(a, b).
  ///
  /// Uses the continued fraction on whichever side converges (Lentz's method), evaluated in
  /// extended precision where the platform has it: near x = 1 the fraction loses about
  /// log10(1/y) digits to cancellation, which the 64-bit significand absorbs.
  /// - Returns: I_x(a, b) and its complement 1 − I_x(a, b), the one on the side evaluated
  ///   directly and the other by subtraction.
  static func regularized(
    x: ExtendedFloat, y: ExtendedFloat, a: Double, b: Double, logPrefactor: Double
  ) -> (value: Double, complement: Double) {
    if x <= 0 { return (0, 1) }
    if y <= 0 { return (1, 0) }
    let prefactor = Foundation.exp(logPrefactor)
    if x < ExtendedFloat((a + 1) / (a + b + 2)) {
      let fraction = continuedFraction(x: x, y: y, a: ExtendedFloat(a), b: ExtendedFloat(b))
      let value = prefactor * Double(fraction) / a
      return (value, 1 - value)
    }
    let fraction = continuedFraction(x: y, y: x, a: ExtendedFloat(b), b: ExtendedFloat(a))
    let complement = prefactor * Double(fraction) / b
    return (1 - complement, complement)
  }

  /// The continued fraction of I_x(a, b) (modified Lentz), converging fast for x < (a+1)/(a+b+2).
  /// `y` = 1 − x keeps the first term exact when x is near 1.
  static func continuedFraction(x: ExtendedFloat, y: ExtendedFloat, a: ExtendedFloat, b: ExtendedFloat) -> ExtendedFloat {
    let tiny: ExtendedFloat = 1e-300
    let epsilon = ExtendedFloat.ulpOfOne
    let sum = a + b
    let plusOne = a + 1
    let minusOne = a - 1
    var c: ExtendedFloat = 1
    // 1 − (a+b)x/(a+1); near x = 1 as ((1 − b) + (a + b)y)/(a + 1), which does not cancel there.
    var d = x < 0.5 ? 1 - sum * x / plusOne : ((1 - b) + sum * y) / plusOne
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...100_000 {
      let m = ExtendedFloat(m)
      let twoM = 2 * m
      var aa = m * (b - m) * x / ((minusOne + twoM) * (a + twoM))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      aa = -(a + m) * (sum + m) * x / ((a + twoM) * (plusOne + twoM))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let step = d * c
      h *= step
      if abs(step - 1) < epsilon { break }
    }
    return h
  }
}

#if arch(x86_64) || arch(i386)
  /// The widest floating-point type of the platform: x87 extended precision here.
  typealias ExtendedFloat = Float80
#else
  /// The widest floating-point type of the platform (no extended type here: results for very
  /// large degrees of freedom are accurate to about 1e-12 instead of 1e-14).
  typealias ExtendedFloat = Double
#endif
