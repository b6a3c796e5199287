/// Date-and-time values (`type: datetime`) as ISO 8601 text and as instants: milliseconds since
/// 1970-01-01T00:00:00Z.
///
/// Read: `yyyy-MM-ddTHH:mm[:ss[.fraction]][offset]`, the `T` also `t` or a space, the offset `Z`,
/// `±HH:mm`, `±HHmm` or `±HH`, as KoboToolbox writes `start`, `end` and `_submission_time`
/// (`2026-03-14T09:12:33.120+02:00`). Without an offset the time is taken as UTC (Kobo writes
/// `_submission_time` so); fraction digits beyond milliseconds are cut off.
/// Written: always in UTC, `yyyy-MM-ddTHH:mm:ssZ`, with `.SSS` when the milliseconds are not zero.
public enum ISODateTime {
  /// The instant in `bytes`, in milliseconds since the epoch, or nil when the bytes are not an
  /// ISO 8601 date and time or name no real date or time of day.
  public static func milliseconds(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
    var i = 0
    func digits(_ count: Int) -> Int? {
      guard i + count <= bytes.count else { return nil }
      var value = 0
      for k in i..<(i + count) {
        let d = bytes[k] &- 48
        guard d < 10 else { return nil }
        value = value * 10 + Int(d)
      }
      i += count
      return value
    }
    func expect(_ byte: UInt8) -> Bool {
      guard i < bytes.count, bytes[i] == byte else { return false }
      i += 1
      return true
    }
    guard let year = digits(4), expect(0x2D), let month = digits(2), expect(0x2D), let day = digits(2),
      let date = CivilDate(year: year, month: month, day: day)
    else { return nil }
    guard i < bytes.count, [UInt8(ascii: "T"), UInt8(ascii: "t"), 0x20].contains(bytes[i]) else { return nil }
    i += 1
    guard let hour = digits(2), hour < 24, expect(0x3A), let minute = digits(2), minute < 60 else { return nil }
    var second = 0
    var millisecond = 0
    if expect(0x3A) {
      guard let s = digits(2), s < 60 else { return nil }
      second = s
      if i < bytes.count, bytes[i] == 0x2E || bytes[i] == 0x2C {
        i += 1
        var count = 0
        while i < bytes.count, bytes[i] &- 48 < 10 {
          if count < 3 { millisecond = millisecond * 10 + Int(bytes[i] - 48) }
          count += 1
          i += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<max(count, 3) { millisecond *= 10 }
      }
    }
    var offsetMinutes = 0
    if i < bytes.count {
      switch bytes[i] {
      case UInt8(ascii: "Z"), UInt8(ascii: "z"):
        i += 1
      case UInt8(ascii: "+"), UInt8(ascii: "-"):
        let sign = bytes[i] == UInt8(ascii: "-") ? -1 : 1
        i += 1
        guard let hours = digits(2), hours < 24 else { return nil }
        var minutes = 0
        if i < bytes.count {
          _ = expect(0x3A)
          guard let m = digits(2), m < 60 else { return nil }
          minutes = m
        }
        offsetMinutes = sign * (hours * 60 + minutes)
      default:
        return nil
      }
    }
    guard i == bytes.count else { return nil }
    let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
      - Int64(offsetMinutes * 60)
    return seconds * 1000 + Int64(millisecond)
  }

  /// The instant in `text`, or nil.
  public static func milliseconds(_ text: String) -> Int64? {
    var text = text
    return text.withUTF8 { milliseconds($0) }
  }

  /// `milliseconds` written in UTC: `yyyy-MM-ddTHH:mm:ssZ`, or `…:ss.SSSZ` when they have a fraction.
  public static func string(_ milliseconds: Int64) -> String {
    var out = ByteWriter(capacity: 32)
    append(milliseconds, to: &out)
    return String(decoding: out.finish(), as: UTF8.self)
  }

  /// Appends ``string(_:)`` of `milliseconds` to `out` (for the tidy CSV writer).
  static func append(_ milliseconds: Int64, to out: inout ByteWriter) {
    let (seconds, fraction) = floorDivide(milliseconds, 1000)
    let (days, secondOfDay) = floorDivide(seconds, 86_400)
    TidyCSV.appendDate(Int(days), to: &out)
    func two(_ n: Int64, _ out: inout ByteWriter) {
      out.append(UInt8(n / 10) + 0x30)
      out.append(UInt8(n % 10) + 0x30)
    }
    out.append(UInt8(ascii: "T"))
    two(secondOfDay / 3600, &out)
    out.append(0x3A)
    two(secondOfDay / 60 % 60, &out)
    out.append(0x3A)
    two(secondOfDay % 60, &out)
    if fraction != 0 {
      out.append(0x2E)
      out.append(UInt8(fraction / 100) + 0x30)
      two(fraction % 100, &out)
    }
    out.append(UInt8(ascii: "Z"))
  }

  /// The calendar day in UTC (days since 1970-01-01) of the instant `milliseconds`.
  public static func day(_ milliseconds: Int64) -> Int {
    Int(floorDivide(milliseconds, 86_400_000).0)
  }

  /// Quotient and remainder rounded towards minus infinity (the remainder is never negative).
  static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
    let q = a / b
    let r = a % b
    return r < 0 ? (q - 1, r + b) : (q, r)
  }
}
