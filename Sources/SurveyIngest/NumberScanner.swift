#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import SurveyCore

/// Reads numbers straight from a field's bytes, without making a `String`.
///
/// Which texts are numbers, and which numbers are held, is ``SurveyCore/NumberText``'s rule; this
/// is its fast path for short plain numbers (Clinger's: up to 15 significant digits and a power of
/// ten up to 22 are exact in double arithmetic, so the result is correctly rounded). Every other
/// text, and every whole number written with a fraction or an exponent, goes to `NumberText`.
enum NumberScanner {
  private static let powersOfTen: [Double] = (0...22).map { pow(10.0, Double($0)) }

  /// The number in `bytes`, a whole number within ±2^53 when `integer`, or nil when the bytes are
  /// not such a number or it cannot be held (``SurveyCore/NumberText`` says why).
  @inline(__always)
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, decimal: UInt8, integer: Bool = false) -> Double? {
    var start = 0
    var end = bytes.count
    while start < end, bytes[start] == 0x20 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 { end -= 1 }
    guard start < end else { return nil }
    var i = start
    var negative = false
    if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
      negative = bytes[i] == UInt8(ascii: "-")
      i += 1
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var significant = 0
    var fractionDigits = 0
    var sawDigit = false
    while i < end, bytes[i] &- 48 < 10 {
      let d = UInt64(bytes[i] &- 48)
      if significant < 19 {
        mantissa = mantissa &* 10 &+ d
        if mantissa != 0 { significant += 1 }
      } else {
        digits += 1  // dropped integer digit: scale later
      }
      sawDigit = true
      i += 1
    }
    let droppedInteger = digits
    if i < end, bytes[i] == decimal {
      i += 1
      while i < end, bytes[i] &- 48 < 10 {
        if significant < 19 {
          mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- 48)
          if mantissa != 0 { significant += 1 }
          fractionDigits += 1
        }
        sawDigit = true
        i += 1
      }
    }
    guard sawDigit else { return nil }
    var exponent = 0
    if i < end, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      i += 1
      var expNegative = false
      if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
        expNegative = bytes[i] == UInt8(ascii: "-")
        i += 1
      }
      var expDigits = 0
      while i < end, bytes[i] &- 48 < 10 {
        if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[i] &- 48) }
        expDigits += 1
        i += 1
      }
      guard expDigits > 0 else { return nil }
      if expNegative { exponent = -exponent }
    }
    guard i == end else { return nil }
    if droppedInteger == 0, significant <= 15 {
      // Below 10^15, every whole number written without a fraction or an exponent is exact.
      if integer {
        if fractionDigits == 0, exponent == 0 {
          let value = Double(mantissa)
          return negative ? -value : value
        }
      } else {
        let scale = exponent - fractionDigits
        let m = Double(mantissa)
        var value: Double?
        if scale == 0 {
          value = m
        } else if scale > 0, scale <= 22 {
          value = m * powersOfTen[scale]
        } else if scale < 0, scale >= -22 {
          value = m / powersOfTen[-scale]
        }
        if let value { return negative ? -value : value }
      }
    }
    let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
    return try? NumberText.read(text, decimal: decimal, integer: integer).get()
  }
}
