/// Compact encodings for a table's columns, which are most of an artifact's bytes: integers in
/// the fewest bytes that hold them all, numbers that are all whole as such integers, and cell
/// states as nothing when every cell is present. A 1M-row table of the synthetic survey shrinks
/// from 208 MB to about half, so the artifact is hashed and written in half the time (see
/// docs/benchmarks.md, "Issue 7"). ``ArtifactReader`` reads each back exactly.
extension ArtifactWriter {
  /// How a column of numbers or integers is stored: the byte width of its integers, or
  /// ``doubles`` for numbers as their 8-byte memory.
  enum IntegerWidth: UInt8 {
    case one = 1, two = 2, four = 4, doubles = 8

    /// The narrowest width holding every integer from `low` to `high`.
    static func holding(_ low: Int32, _ high: Int32) -> IntegerWidth {
      if low >= Int32(Int8.min), high <= Int32(Int8.max) { return .one }
      if low >= Int32(Int16.min), high <= Int32(Int16.max) { return .two }
      return .four
    }
  }

  /// Integers (category codes, dates) in the narrowest of 1, 2 or 4 bytes that holds them all.
  public mutating func compactIntegers(_ values: [Int32]) {
    var low: Int32 = 0
    var high: Int32 = 0
    values.withUnsafeBufferPointer { buffer in
      guard let first = buffer.first else { return }
      low = first
      high = first
      for value in buffer {
        low = Swift.min(low, value)
        high = Swift.max(high, value)
      }
    }
    writeIntegers(values, width: .holding(low, high))
  }

  /// Numbers: as integers of 1, 2 or 4 bytes when every one is a whole number that such an
  /// integer gives back bit for bit (so never -0, a NaN or a fraction), as 8-byte doubles else.
  public mutating func compactNumbers(_ values: [Double]) {
    guard let integers = Self.wholeNumbers(values) else {
      byte(IntegerWidth.doubles.rawValue)
      plain(values)
      return
    }
    compactIntegers(integers)
  }

  /// Cell states: a 0 byte when every cell is present, else a 1 byte and one byte a cell (its raw
  /// value).
  public mutating func states(_ states: [CellState]) {
    if states.allSatisfy({ $0 == .present }) {
      byte(0)
      int(states.count)
      return
    }
    byte(1)
    if CellState.storedAsRawValue {
      plain(states)
    } else {
      plain(states.map(\.rawValue))
    }
  }

  /// `values` as 32-bit integers when each converts exactly (the sign of zero included).
  static func wholeNumbers(_ values: [Double]) -> [Int32]? {
    var whole = true
    let integers = [Int32](unsafeUninitializedCapacity: values.count) { output, initialized in
      values.withUnsafeBufferPointer { input in
        for index in input.indices {
          let value = input[index]
          // In range first (false for a NaN), so that the conversion cannot trap; then back to
          // the same bits (false for a fraction and for -0).
          guard value >= -2_147_483_648, value <= 2_147_483_647,
            Double(Int32(value)).bitPattern == value.bitPattern
          else {
            whole = false
            return
          }
          output[index] = Int32(value)
        }
        initialized = input.count
      }
    }
    return whole ? integers : nil
  }

  private mutating func writeIntegers(_ values: [Int32], width: IntegerWidth) {
    byte(width.rawValue)
    switch width {
    case .one: narrowed(values, as: Int8.self)
    case .two: narrowed(values, as: Int16.self)
    case .four, .doubles: plain(values)
    }
  }

  /// `values` as ``plain(_:)`` writes an array of `T`, converted a slice at a time (no array of
  /// the whole column is made).
  private mutating func narrowed<T: FixedWidthInteger & BitwiseCopyable>(_ values: [Int32], as type: T.Type) {
    int(values.count)
    let slice = 1 << 16
    var chunk = [T](repeating: 0, count: Swift.min(slice, values.count))
    values.withUnsafeBufferPointer { input in
      var start = 0
      while start < input.count {
        let end = Swift.min(start + slice, input.count)
        chunk.withUnsafeMutableBufferPointer { output in
          for index in start..<end { output[index - start] = T(truncatingIfNeeded: input[index]) }
        }
        chunk.withUnsafeBytes { raw(UnsafeRawBufferPointer(rebasing: $0[0..<(end - start) * MemoryLayout<T>.stride])) }
        start = end
      }
    }
  }
}

extension CellState {
  /// Whether a state's memory is its raw value, so that a column of states is written and read
  /// as its bytes. Swift does not promise this layout for an enum with raw values; it is checked
  /// here, once, for every case, and the artifact code converts state by state when it fails.
  static let storedAsRawValue: Bool = {
    let cases: [CellState] = [.present, .empty, .missingCode, .invalid]
    guard MemoryLayout<CellState>.size == 1, MemoryLayout<CellState>.stride == 1 else { return false }
    return cases.allSatisfy { state in withUnsafeBytes(of: state) { $0[0] == state.rawValue } }
  }()
}
