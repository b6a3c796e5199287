/// A date layout such as `dd.MM.yyyy`, `yyyy-MM-dd` or `d/M/yy`.
///
/// `yyyy` is a four-digit year, `yy` a two-digit one (00–68 → 2000s, 69–99 → 1900s), `MM`/`dd`
/// two digits, `M`/`d` one or two; any other character must appear as written.
public struct DateFormat: Sendable, Equatable {
  enum Part: Equatable {
    case year4, year2, month2, month, day2, day
    case literal(UInt8)
  }

  let parts: [Part]
  public let pattern: String
  /// `dd?MM?yyyy` or `yyyy?MM?dd` with one separator byte: parsed without walking `parts`.
  private let shape: Shape

  enum Shape: Equatable {
    case dayMonthYear(UInt8)
    case yearMonthDay(UInt8)
    case other
  }

  /// ISO 8601, `yyyy-MM-dd`.
  public static let iso = try! DateFormat("yyyy-MM-dd")

  /// Reads a pattern; throws a description of the problem when it has no year, month or day.
  public init(_ pattern: String) throws {
    var parts: [Part] = []
    let bytes = Array(pattern.utf8)
    var i = 0
    while i < bytes.count {
      var run = 1
      while i + run < bytes.count, bytes[i + run] == bytes[i] { run += 1 }
      switch (bytes[i], run) {
      case (UInt8(ascii: "y"), 4): parts.append(.year4)
      case (UInt8(ascii: "y"), 2): parts.append(.year2)
      case (UInt8(ascii: "M"), 2): parts.append(.month2)
      case (UInt8(ascii: "M"), 1): parts.append(.month)
      case (UInt8(ascii: "d"), 2): parts.append(.day2)
      case (UInt8(ascii: "d"), 1): parts.append(.day)
      case (UInt8(ascii: "y"), _), (UInt8(ascii: "M"), _), (UInt8(ascii: "d"), _):
        throw DateFormatError(pattern: pattern)
      default:
        for _ in 0..<run { parts.append(.literal(bytes[i])) }
      }
      i += run
    }
    let hasYear = parts.contains(.year4) || parts.contains(.year2)
    let hasMonth = parts.contains(.month2) || parts.contains(.month)
    let hasDay = parts.contains(.day2) || parts.contains(.day)
    guard hasYear, hasMonth, hasDay else { throw DateFormatError(pattern: pattern) }
    self.parts = parts
    self.pattern = pattern
    shape = Self.shape(of: parts)
  }

  static func shape(of parts: [Part]) -> Shape {
    guard parts.count == 5, case .literal(let a) = parts[1], case .literal(let b) = parts[3], a == b else {
      return .other
    }
    if parts[0] == .day2, parts[2] == .month2, parts[4] == .year4 { return .dayMonthYear(a) }
    if parts[0] == .year4, parts[2] == .month2, parts[4] == .day2 { return .yearMonthDay(a) }
    return .other
  }

  /// Days since 1970-01-01 of the date in `bytes`, or nil (the fast path for ingest).
  @inline(__always)
  public func days(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    @inline(__always) func digit(_ i: Int) -> Int? {
      let d = bytes[i] &- 48
      return d < 10 ? Int(d) : nil
    }
    switch shape {
    case .dayMonthYear(let separator):
      guard bytes.count == 10, bytes[2] == separator, bytes[5] == separator,
        let d1 = digit(0), let d2 = digit(1), let m1 = digit(3), let m2 = digit(4),
        let y1 = digit(6), let y2 = digit(7), let y3 = digit(8), let y4 = digit(9)
      else { return nil }
      return CivilDate(year: y1 * 1000 + y2 * 100 + y3 * 10 + y4, month: m1 * 10 + m2, day: d1 * 10 + d2)?.daysSinceEpoch
    case .yearMonthDay(let separator):
      guard bytes.count == 10, bytes[4] == separator, bytes[7] == separator,
        let y1 = digit(0), let y2 = digit(1), let y3 = digit(2), let y4 = digit(3),
        let m1 = digit(5), let m2 = digit(6), let d1 = digit(8), let d2 = digit(9)
      else { return nil }
      return CivilDate(year: y1 * 1000 + y2 * 100 + y3 * 10 + y4, month: m1 * 10 + m2, day: d1 * 10 + d2)?.daysSinceEpoch
    case .other:
      return parse(bytes)?.daysSinceEpoch
    }
  }

  /// The date in `bytes`, or nil when the bytes do not follow the layout or name no real date.
  public func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
    var i = 0
    var year = 0, month = 0, day = 0
    func digits(_ minimum: Int, _ maximum: Int) -> Int? {
      var value = 0
      var count = 0
      while count < maximum, i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
        value = value * 10 + Int(bytes[i] - 48)
        i += 1
        count += 1
      }
      return count >= minimum ? value : nil
    }
    for part in parts {
      switch part {
      case .year4: guard let v = digits(4, 4) else { return nil }; year = v
      case .year2: guard let v = digits(2, 2) else { return nil }; year = v < 69 ? 2000 + v : 1900 + v
      case .month2: guard let v = digits(2, 2) else { return nil }; month = v
      case .month: guard let v = digits(1, 2) else { return nil }; month = v
      case .day2: guard let v = digits(2, 2) else { return nil }; day = v
      case .day: guard let v = digits(1, 2) else { return nil }; day = v
      case .literal(let byte):
        guard i < bytes.count, bytes[i] == byte else { return nil }
        i += 1
      }
    }
    guard i == bytes.count else { return nil }
    return CivilDate(year: year, month: month, day: day)
  }

  /// The date in `text`.
  public func parse(_ text: String) -> CivilDate? {
    var text = text
    return text.withUTF8 { parse($0) }
  }
}

/// A date layout without a year, month or day, or with a run of letters it does not know.
public struct DateFormatError: Error, Equatable {
  public var pattern: String
}
