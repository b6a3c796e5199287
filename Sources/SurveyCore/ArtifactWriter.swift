/// Builds the payload of a stage artifact: fixed-width numbers in little-endian order, strings as
/// a length and UTF-8 bytes, and arrays of plain values as their memory, copied in one step (no
/// per-cell encoding for columns). ``ArtifactReader`` reads it back in the same order.
///
/// A writer made with ``init(capacity:)`` keeps the payload in ``bytes``. One that
/// ``Artifact/write(stage:inputs:base:to:payload:)`` hands to a stage streams it instead: small
/// values gather in a buffer of about a megabyte that goes to the file (and the checksum) when
/// full, and a large array goes from its own memory, so a 200 MB table is never copied into
/// a second 200 MB array.
public struct ArtifactWriter {
  /// The payload (for a streaming writer: the part not yet sent to the file).
  public private(set) var bytes: [UInt8] = []
  /// Where a streaming writer sends its bytes; nil keeps them all in ``bytes``.
  let sink: ArtifactSink?

  /// The buffer size at which a streaming writer sends it on.
  static let flushSize = 1 << 20
  /// Arrays of at least this many bytes go from their own memory (streaming writers only).
  static let directSize = 1 << 16

  public init(capacity: Int = 1 << 16) {
    sink = nil
    bytes.reserveCapacity(capacity)
  }

  /// A writer that streams into `sink`.
  init(sink: ArtifactSink) {
    self.sink = sink
    bytes.reserveCapacity(Self.flushSize + Self.directSize)
  }

  /// Sends the buffer on when a streaming writer's is full.
  @inline(__always) private mutating func flushIfFull() {
    if sink != nil, bytes.count >= Self.flushSize { flush() }
  }

  /// Sends the buffer to the sink (a streaming writer only).
  mutating func flush() {
    guard let sink, !bytes.isEmpty else { return }
    bytes.withUnsafeBytes { sink.consume($0) }
    bytes.removeAll(keepingCapacity: true)
  }

  /// One byte.
  public mutating func byte(_ value: UInt8) {
    bytes.append(value)
    flushIfFull()
  }

  public mutating func bool(_ value: Bool) {
    byte(value ? 1 : 0)
  }

  /// A signed integer as 8 bytes.
  public mutating func int(_ value: Int) {
    withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    flushIfFull()
  }

  /// An optional integer: a presence byte, then the integer.
  public mutating func int(_ value: Int?) {
    bool(value != nil)
    if let value { int(value) }
  }

  public mutating func double(_ value: Double) {
    withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    flushIfFull()
  }

  public mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      int(utf8.count)
      raw(UnsafeRawBufferPointer(utf8))
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

  /// A column of strings, every one present: the layout of ``optionalStrings(_:)`` (which reads
  /// it back), written without making an array of optionals first.
  public mutating func texts(_ values: [String]) {
    int(values.count)
    plain([UInt8](repeating: 1, count: values.count))
    var total = 0
    let lengths = values.map { value -> UInt32 in
      let count = value.utf8.count
      total += count
      return UInt32(count)
    }
    var text: [UInt8] = []
    text.reserveCapacity(total)
    for var value in values {
      value.withUTF8 { text.append(contentsOf: $0) }
    }
    plain(lengths)
    plain(text)
  }

  /// An array of a plain fixed-size type (integers, doubles, one-byte enums' raw values), as its
  /// memory: the machine's byte order, which ``Artifact`` checks on reading.
  public mutating func plain<T: BitwiseCopyable>(_ values: [T]) {
    int(values.count)
    values.withUnsafeBytes { raw($0) }
  }

  /// Bytes as they are: through the buffer when small or when the payload stays in memory,
  /// straight to the sink when large.
  mutating func raw(_ buffer: UnsafeRawBufferPointer) {
    if let sink, buffer.count >= Self.directSize {
      flush()
      sink.consume(buffer)
    } else {
      bytes.append(contentsOf: buffer)
      flushIfFull()
    }
  }
}
