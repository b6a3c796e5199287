/// Builds the payload of a stage artifact: fixed-width numbers in little-endian order, strings as
/// a length and UTF-8 bytes, and arrays of plain values as their memory, copied in one step (no
/// per-cell encoding for columns). ``ArtifactReader`` reads it back in the same order.
public struct ArtifactWriter {
  public private(set) var bytes: [UInt8] = []

  public init(capacity: Int = 1 << 16) {
    bytes.reserveCapacity(capacity)
  }

  /// One byte.
  public mutating func byte(_ value: UInt8) {
    bytes.append(value)
  }

  public mutating func bool(_ value: Bool) {
    bytes.append(value ? 1 : 0)
  }

  /// A signed integer as 8 bytes.
  public mutating func int(_ value: Int) {
    withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
  }

  /// An optional integer: a presence byte, then the integer.
  public mutating func int(_ value: Int?) {
    bool(value != nil)
    if let value { int(value) }
  }

  public mutating func double(_ value: Double) {
    withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
  }

  public mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      int(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  /// An optional string: a presence byte, then the string.
  public mutating func string(_ value: String?) {
    bool(value != nil)
    if let value { string(value) }
  }

  public mutating func strings(_ values: [String]) {
    int(values.count)
    for value in values { string(value) }
  }

  /// A column of optional strings: a presence byte per value, the lengths as 4-byte integers,
  /// then every string's UTF-8 bytes one after the other.
  public mutating func optionalStrings(_ values: [String?]) {
    int(values.count)
    plain(values.map { $0 == nil ? UInt8(0) : 1 })
    var lengths: [UInt32] = []
    lengths.reserveCapacity(values.count)
    var text: [UInt8] = []
    for case var value? in values {
      value.withUTF8 { utf8 in
        lengths.append(UInt32(utf8.count))
        text.append(contentsOf: utf8)
      }
    }
    plain(lengths)
    plain(text)
  }

  /// An array of a plain fixed-size type (integers, doubles, one-byte enums' raw values), as its
  /// memory: the machine's byte order, which ``Artifact`` checks on reading.
  public mutating func plain<T: BitwiseCopyable>(_ values: [T]) {
    int(values.count)
    values.withUnsafeBytes { bytes.append(contentsOf: $0) }
  }
}
