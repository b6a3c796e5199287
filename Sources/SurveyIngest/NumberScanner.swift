#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads numbers straight from a field's bytes, without making a `String`.
///
/// Accepts an optional sign, digits, the decimal mark and more digits, and an exponent
/// (`1.5e3`). Results are correctly rounded: short inputs use exact double arithmetic (Clinger's
/// fast path), longer ones fall back to `strtod`.
enum NumberScanner {
  private static let powersOfTen: [Double] = (0...22).map { pow(10.0, Double($0)) }

  /// The number in `bytes`, or nil when the bytes are not a number.
  @inline(__always)
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, decimal: UInt8) -> Double? {
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
    return slowParse(UnsafeBufferPointer(rebasing: bytes[start..<end]), decimal: decimal)
  }

  /// `strtod` on a NUL-terminated copy with the decimal mark turned into `.`.
  private static func slowParse(_ bytes: UnsafeBufferPointer<UInt8>, decimal: UInt8) -> Double? {
    var copy = [CChar](repeating: 0, count: bytes.count + 1)
    for (k, byte) in bytes.enumerated() {
      copy[k] = CChar(bitPattern: byte == decimal ? UInt8(ascii: ".") : byte)
    }
    return copy.withUnsafeBufferPointer { buffer -> Double? in
      var endPointer: UnsafeMutablePointer<CChar>?
      let value = strtod(buffer.baseAddress!, &endPointer)
      guard let endPointer, endPointer - UnsafeMutablePointer(mutating: buffer.baseAddress!) == bytes.count else {
        return nil
      }
      return value.isFinite ? value : nil
    }
  }
}
