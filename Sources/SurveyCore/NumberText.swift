#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one rule for which texts are numbers and which numbers are held exactly, shared by the
/// reader (its fast path handles only short plain numbers and defers everything else here), the
/// validation messages and reviewers' `set` decisions.
///
/// A number is: spaces, an optional sign (`+` or `-`), digits with at most one decimal mark and
/// at least one digit (`12`, `12.5`, `.5`, `5.`), an optional exponent (`e` or `E`, an optional
/// sign, digits), spaces. Nothing else is one: not `nan`, `inf` or `infinity`, not hexadecimal
/// (`0x1p3`), not thousands separators (`1,234` or `1 234`), not other blanks (tabs).
///
/// - A decimal is the double nearest its text (digits beyond a double's precision round, which is
///   what a decimal means). It is refused when that double would be infinite (beyond
///   ±1.7976931348623157e308) or, for a text that is not zero, zero or subnormal (nearer zero than
///   2.2250738585072014e-308, where a double no longer has its full precision).
/// - A whole number (an `integer` variable) must be exactly whole and at most 2^53 =
///   9007199254740992 in magnitude, the range in which a double holds every whole number. It may
///   be written with zeros after the decimal mark (`12.0`) or an exponent (`1.5e3`) when its exact
///   value is such a number; `1e308` and `9007199254740993` are refused, not rounded.
public enum NumberText {
  /// Why a text is not a number that can be held.
  public enum Problem: Error, Sendable, Equatable, CaseIterable {
    /// The text is not written as a number.
    case notANumber
    /// A whole number was asked for and the text has a fraction.
    case notWhole
    /// A whole number beyond ±2^53, where a double can no longer hold every whole number.
    case beyondExactWholeNumbers
    /// The nearest double would be infinite.
    case tooLarge
    /// The text is not zero but its nearest double is zero or subnormal.
    case tooSmall

    /// What is wrong, in words that follow "is" (never the value itself).
    public var explanation: String {
      switch self {
      case .notANumber: return "not a number"
      case .notWhole: return "not a whole number"
      case .beyondExactWholeNumbers:
        return "too large to hold exactly (whole numbers are held exactly up to ±9007199254740992, that is 2^53)"
      case .tooLarge: return "too large to hold (beyond ±1.8e308, the largest double)"
      case .tooSmall:
        return "too small to hold (not zero, but nearer zero than 2.2e-308, below which a double loses precision)"
      }
    }
  }

  /// The largest whole number below which a double holds every whole number: 2^53.
  public static let largestExactWholeNumber: Double = 9_007_199_254_740_992

  /// The number written in `text`, a whole number when `integer`; `decimal` is the decimal mark.
  public static func read(_ text: String, decimal: UInt8 = UInt8(ascii: "."), integer: Bool) -> Result<Double, Problem> {
    var text = text
    return text.withUTF8 { read($0, decimal: decimal, integer: integer) }
  }

  /// The number written in `bytes`, a whole number when `integer`; `decimal` is the decimal mark.
  public static func read(_ bytes: UnsafeBufferPointer<UInt8>, decimal: UInt8, integer: Bool) -> Result<Double, Problem> {
    guard let layout = Layout(bytes, decimal: decimal) else { return .failure(.notANumber) }
    guard layout.firstNonzero >= 0 else { return .success(layout.negative ? -0.0 : 0.0) }
    return integer ? layout.wholeNumber(bytes) : layout.nearestDouble(bytes, decimal: decimal)
  }
}

extension NumberText {
  /// Where the parts of a number are in its text.
  struct Layout {
    /// The text without its surrounding spaces.
    var start: Int
    var end: Int
    var negative = false
    /// The first and last digits of the significand that are not 0 (−1 when all are 0).
    var firstNonzero = -1
    var lastNonzero = -1
    /// Where the decimal mark is, or where the significand ends without one.
    var point: Int
    /// The exponent's value, saturated at ±1e9 (far beyond any double).
    var exponent = 0

    /// The layout of `bytes`, nil when they are not written as a number.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, decimal: UInt8) {
      start = 0
      end = bytes.count
      while start < end, bytes[start] == 0x20 { start += 1 }
      while end > start, bytes[end - 1] == 0x20 { end -= 1 }
      var i = start
      if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
        negative = bytes[i] == UInt8(ascii: "-")
        i += 1
      }
      var digits = 0
      var mark: Int?
      while i < end {
        let byte = bytes[i]
        if byte &- 48 < 10 {
          digits += 1
          if byte != UInt8(ascii: "0") {
            if firstNonzero < 0 { firstNonzero = i }
            lastNonzero = i
          }
        } else if byte == decimal, mark == nil {
          mark = i
        } else {
          break
        }
        i += 1
      }
      guard digits > 0 else { return nil }
      point = mark ?? i
      if i < end, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
        i += 1
        var negativeExponent = false
        if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
          negativeExponent = bytes[i] == UInt8(ascii: "-")
          i += 1
        }
        let first = i
        while i < end, bytes[i] &- 48 < 10 {
          exponent = min(exponent * 10 + Int(bytes[i] &- 48), 1_000_000_000)
          i += 1
        }
        guard i > first else { return nil }
        if negativeExponent { exponent = -exponent }
      }
      guard i == end else { return nil }
    }

    /// The power of ten of the digit at `index`, exponent included.
    func power(_ index: Int) -> Int { exponent + (index < point ? point - index - 1 : point - index) }

    /// The exact whole number, when it is one within ±2^53.
    func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Double, Problem> {
      let scale = power(lastNonzero)
      guard scale >= 0 else { return .failure(.notWhole) }
      // 10^16 > 2^53: a leading digit at that power or above is out of range.
      guard power(firstNonzero) < 16 else { return .failure(.beyondExactWholeNumbers) }
      var value: UInt64 = 0
      for index in firstNonzero...lastNonzero where index != point {
        value = value * 10 + UInt64(bytes[index] &- 48)
      }
      for _ in 0..<scale { value *= 10 }
      guard value <= 1 << 53 else { return .failure(.beyondExactWholeNumbers) }
      return .success(negative ? -Double(value) : Double(value))
    }

    /// The double nearest the text (`strtod`'s rounding), when it is finite and, for a text that
    /// is not zero, normal.
    func nearestDouble(_ bytes: UnsafeBufferPointer<UInt8>, decimal: UInt8) -> Result<Double, Problem> {
      var copy = [CChar](repeating: 0, count: end - start + 1)
      for index in start..<end {
        copy[index - start] = CChar(bitPattern: bytes[index] == decimal ? UInt8(ascii: ".") : bytes[index])
      }
      let value = copy.withUnsafeBufferPointer { strtod($0.baseAddress!, nil) }
      if value.isInfinite { return .failure(.tooLarge) }
      if !value.isNormal { return .failure(.tooSmall) }
      return .success(value)
    }
  }
}
