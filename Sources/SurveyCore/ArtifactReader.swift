/// Reads what ``ArtifactWriter`` wrote, in the same order; every read checks the bounds, so a
/// truncated or damaged payload is an error, never a crash.
public struct ArtifactReader {
  let bytes: [UInt8]
  public private(set) var offset: Int
  /// The artifact file, for messages.
  let file: String

  public init(bytes: [UInt8], offset: Int = 0, file: String) {
    self.bytes = bytes
    self.offset = offset
    self.file = file
  }

  /// Whether every byte has been read.
  public var atEnd: Bool { offset == bytes.count }

  /// The error for a payload that does not read as the format says.
  public func corrupt(_ what: String) -> CoreError {
    .corruptArtifact(path: file, problem: "\(what) at byte \(offset)")
  }

  mutating func take(_ count: Int) throws(CoreError) -> Range<Int> {
    guard count >= 0, count <= bytes.count - offset else { throw corrupt("the data ends early") }
    defer { offset += count }
    return offset..<offset + count
  }

  public mutating func byte() throws(CoreError) -> UInt8 {
    bytes[try take(1).lowerBound]
  }

  public mutating func bool() throws(CoreError) -> Bool {
    switch try byte() {
    case 0: return false
    case 1: return true
    default: throw corrupt("a flag is neither 0 nor 1")
    }
  }

  public mutating func int() throws(CoreError) -> Int {
    let range = try take(8)
    var value: UInt64 = 0
    for index in range.reversed() { value = value << 8 | UInt64(bytes[index]) }
    return Int(Int64(bitPattern: value))
  }

  /// A count or length: an integer that must be at least 0 and at most `limit`.
  public mutating func count(limit: Int = Int(Int32.max)) throws(CoreError) -> Int {
    let value = try int()
    guard value >= 0, value <= limit else { throw corrupt("a count of \(value) is out of range") }
    return value
  }

  public mutating func optionalInt() throws(CoreError) -> Int? {
    try bool() ? try int() : nil
  }

  public mutating func double() throws(CoreError) -> Double {
    Double(bitPattern: UInt64(bitPattern: Int64(try int())))
  }

  public mutating func string() throws(CoreError) -> String {
    let range = try take(try count(limit: bytes.count))
    return String(decoding: bytes[range], as: UTF8.self)
  }

  public mutating func optionalString() throws(CoreError) -> String? {
    try bool() ? try string() : nil
  }

  public mutating func strings() throws(CoreError) -> [String] {
    let count = try count(limit: bytes.count)
    var values: [String] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try string()) }
    return values
  }

  /// A value of a `String`-backed enum.
  public mutating func value<T: RawRepresentable>(_ type: T.Type) throws(CoreError) -> T where T.RawValue == String {
    let raw = try string()
    guard let value = T(rawValue: raw) else { throw corrupt("'\(raw)' is not a known \(T.self)") }
    return value
  }

  public mutating func optionalStrings() throws(CoreError) -> [String?] {
    try textColumn(absent: nil) { $0 }
  }

  /// A column that ``ArtifactWriter/texts(_:)`` or ``ArtifactWriter/optionalStrings(_:)`` wrote,
  /// an absent value read as the empty string.
  public mutating func texts() throws(CoreError) -> [String] {
    try textColumn(absent: "") { $0 }
  }

  /// The values of a text column: `absent` for a value marked absent, `make` of the string else.
  private mutating func textColumn<T>(absent: T, _ make: (String) -> T) throws(CoreError) -> [T] {
    let count = try count(limit: bytes.count)
    let present: [UInt8] = try plain()
    let lengths: [UInt32] = try plain()
    let text: [UInt8] = try plain()
    guard present.count == count, lengths.count == present.lazy.filter({ $0 != 0 }).count else {
      throw corrupt("a text column's lengths do not match")
    }
    var values: [T] = []
    values.reserveCapacity(count)
    var next = 0
    var start = 0
    try text.withUnsafeBufferPointer { (buffer) throws(CoreError) in
      for flag in present {
        guard flag != 0 else {
          values.append(absent)
          continue
        }
        let length = Int(lengths[next])
        next += 1
        guard length <= buffer.count - start else { throw corrupt("a text column's lengths do not match") }
        values.append(make(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<start + length]), as: UTF8.self)))
        start += length
      }
    }
    guard start == text.count else { throw corrupt("a text column's lengths do not match") }
    return values
  }

  /// An array of a plain fixed-size type, copied from the payload in one step.
  public mutating func plain<T: BitwiseCopyable>() throws(CoreError) -> [T] {
    let count = try count(limit: bytes.count)
    let size = MemoryLayout<T>.stride
    let range = try take(count * size)
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      bytes.withUnsafeBytes { source in
        UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: source[range]))
      }
      initialized = count
    }
  }
}
