/// `exp`, `log` and `pow` from IEEE additions, multiplications and divisions only.
///
/// The C library's versions may differ in the last bit between platforms, and a last bit can
/// flip a rounded cent; these give the same doubles everywhere, so a seed gives the same files
/// on Linux and macOS. Accuracy is a few units in the last place, ample for a simulation.
enum PortableMath {
  private static let ln2Hi = 6.93147180369123816490e-01
  private static let ln2Lo = 1.90821492927058770002e-10
  private static let ln2 = 0.693147180559945309417232121458

  /// e^x (0 below -745, +infinity above 709).
  static func exp(_ x: Double) -> Double {
    if x.isNaN { return x }
    if x > 709.7 { return .infinity }
    if x < -745 { return 0 }
    let k = (x / ln2).rounded()
    let r = (x - k * ln2Hi) - k * ln2Lo
    // Taylor series of e^r for |r| <= ln2 / 2 to r^13 (the next term is below 4e-18), Horner form.
    var sum = 1.0 / 6_227_020_800
    sum = sum * r + 1.0 / 479_001_600
    sum = sum * r + 1.0 / 39_916_800
    sum = sum * r + 1.0 / 3_628_800
    sum = sum * r + 1.0 / 362_880
    sum = sum * r + 1.0 / 40_320
    sum = sum * r + 1.0 / 5_040
    sum = sum * r + 1.0 / 720
    sum = sum * r + 1.0 / 120
    sum = sum * r + 1.0 / 24
    sum = sum * r + 1.0 / 6
    sum = sum * r + 0.5
    sum = sum * r + 1
    sum = sum * r + 1
    return scale(sum, Int(k))
  }

  /// The natural logarithm of x (x > 0; -infinity at 0, NaN below).
  static func log(_ x: Double) -> Double {
    if x.isNaN || x < 0 { return .nan }
    if x == 0 { return -.infinity }
    if x.isInfinite { return x }
    var m = x.significand  // in [1, 2)
    var e = Int(x.exponent)
    if m > 1.4142135623730951 {
      m /= 2
      e += 1
    }
    // log(m) = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.172; atanh(s)/s = Σ s^2k / (2k + 1),
    // to k = 11 (the next term is below 1e-18).
    let s = (m - 1) / (m + 1)
    let s2 = s * s
    var series = 1.0 / 23
    series = series * s2 + 1.0 / 21
    series = series * s2 + 1.0 / 19
    series = series * s2 + 1.0 / 17
    series = series * s2 + 1.0 / 15
    series = series * s2 + 1.0 / 13
    series = series * s2 + 1.0 / 11
    series = series * s2 + 1.0 / 9
    series = series * s2 + 1.0 / 7
    series = series * s2 + 1.0 / 5
    series = series * s2 + 1.0 / 3
    series = series * s2 + 1
    return Double(e) * ln2Hi + (Double(e) * ln2Lo + 2 * s * series)
  }

  /// x^y for x > 0.
  static func pow(_ x: Double, _ y: Double) -> Double {
    exp(y * log(x))
  }

  /// The logistic function 1 / (1 + e^-x).
  static func logistic(_ x: Double) -> Double {
    1 / (1 + exp(-x))
  }

  /// x × 2^k, exactly (barring overflow and underflow).
  @inline(__always) private static func scale(_ x: Double, _ k: Int) -> Double {
    if k > -1022, k < 1024 { return x * Double(bitPattern: UInt64(1023 + k) << 52) }
    var result = x
    var k = k
    while k > 1000 { result *= 0x1p1000; k -= 1000 }
    while k < -1000 { result *= 0x1p-1000; k += 1000 }
    return result * Double(sign: .plus, exponent: k, significand: 1)
  }
}
