/// A growable byte buffer in manually managed memory, for writing large outputs without
/// per-append checks; hand the bytes over with ``finish()``.
public struct ByteWriter: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  public private(set) var count = 0
  private var capacity: Int

  public init(capacity: Int = 1 << 16) {
    self.capacity = Swift.max(capacity, 64)
    base = .allocate(capacity: self.capacity)
  }

  deinit {
    base.deallocate()
  }

  @inline(__always)
  private mutating func reserve(_ extra: Int) {
    if count + extra > capacity { grow(count + extra) }
  }

  @inline(never)
  private mutating func grow(_ needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    fresh.moveInitialize(from: base, count: count)
    base.deallocate()
    base = fresh
    capacity = newCapacity
  }

  @inline(__always)
  public mutating func append(_ byte: UInt8) {
    reserve(1)
    base[count] = byte
    count += 1
  }

  @inline(__always)
  public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    reserve(bytes.count)
    (base + count).update(from: source, count: bytes.count)
    count += bytes.count
  }

  public mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  /// Appends a whole number in decimal.
  @inline(__always)
  public mutating func appendInteger(_ value: Int64) {
    reserve(20)
    if value < 0 {
      base[count] = 0x2D
      count += 1
    }
    var magnitude = value.magnitude
    var digits = 0
    var scratch = magnitude
    repeat {
      digits += 1
      scratch /= 10
    } while scratch > 0
    var position = count + digits - 1
    repeat {
      base[position] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
      magnitude /= 10
      position -= 1
    } while magnitude > 0
    count += digits
  }

  /// Appends a number that reads back as the same double: whole numbers within ±2^53 without a fraction,
  /// values with at most two decimals (amounts) written directly, others in Swift's shortest form.
  @inline(__always)
  public mutating func appendNumber(_ value: Double) {
    if value == value.rounded(.towardZero), abs(value) <= NumberText.largestExactWholeNumber {
      appendInteger(Int64(value))
      return
    }
    if abs(value) < 1e15 {
      // c / 100 == value means the decimal c/100 rounds to exactly this double.
      let cents = (value * 100).rounded()
      if cents / 100 == value {
        let magnitude = Int64(abs(cents))
        if value < 0 { append(0x2D) }
        appendInteger(magnitude / 100)
        append(0x2E)
        let fraction = magnitude % 100
        if fraction % 10 == 0 {
          append(UInt8(fraction / 10) + 0x30)
        } else {
          append(UInt8(fraction / 10) + 0x30)
          append(UInt8(fraction % 10) + 0x30)
        }
        return
      }
    }
    append(NumberFormatting.string(value))
  }

  /// The bytes written, releasing the buffer.
  public consuming func finish() -> [UInt8] {
    let result = Array(UnsafeBufferPointer(start: base, count: count))
    base.deallocate()
    discard self
    return result
  }
}
