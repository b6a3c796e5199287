/// Packs up to eight bytes into an integer, for comparing short codes in one instruction.
@inline(__always)
func packBytes(_ bytes: UnsafeBufferPointer<UInt8>, lowercase: Bool = false) -> UInt64 {
  var key: UInt64 = 0
  for i in 0..<bytes.count {
    var byte = bytes[i]
    if lowercase, byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
    key |= UInt64(byte) << UInt64(8 * i)
  }
  return key
}

/// Finds which of a field's codes some bytes are (and reads space-separated multi-selects).
struct LevelMatcher {
  private let packed: [UInt64]
  private let lengths: [Int]
  private let bytes: [[UInt8]]

  init(_ levels: [String]) {
    bytes = levels.map { Array($0.utf8) }
    lengths = bytes.map(\.count)
    packed = bytes.map { level in level.count <= 8 ? level.withUnsafeBufferPointer { packBytes($0) } : 0 }
  }

  /// The index of the code spelled by `field`.
  @inline(__always)
  func match(_ field: UnsafeBufferPointer<UInt8>) -> Int32? {
    if field.count <= 8 {
      let key = packBytes(field)
      for k in 0..<packed.count where packed[k] == key && lengths[k] == field.count { return Int32(k) }
      return nil
    }
    for k in 0..<bytes.count where lengths[k] == field.count && field.elementsEqual(bytes[k]) { return Int32(k) }
    return nil
  }

  /// The bits of the space-separated codes in `field`; nil when one is not a code.
  func selections(_ field: UnsafeBufferPointer<UInt8>) -> UInt64? {
    var bits: UInt64 = 0
    var start = 0
    while start < field.count {
      while start < field.count, field[start] == 0x20 { start += 1 }
      var end = start
      while end < field.count, field[end] != 0x20 { end += 1 }
      if end > start {
        guard let level = match(UnsafeBufferPointer(rebasing: field[start..<end])) else { return nil }
        bits |= 1 << UInt64(level)
      }
      start = end
    }
    return bits
  }
}

/// Recognises the words that mean missing (`null`) and a field's missing codes (98, 99).
struct MissingMatcher {
  private let tokens: [UInt64]
  private let tokenLengths: [Int]
  private let codes: [UInt64]
  private let codeLengths: [Int]
  private let codeBytes: [[UInt8]]
  private let numbers: [Double]
  /// The bytes a missing word can start with (either case), as bits of two words (bytes 0–127);
  /// most fields are ruled out by their first byte alone.
  private let tokenStarts: (low: UInt64, high: UInt64)

  init(tokens: [String], codes: [String]) {
    let tokenBytes = tokens.map { Array($0.lowercased().utf8) }.filter { $0.count <= 8 }
    var starts: (low: UInt64, high: UInt64) = (0, 0)
    for token in tokenBytes {
      guard let first = token.first else { continue }
      for byte in [first, first >= 0x61 && first <= 0x7A ? first - 0x20 : first] {
        if byte < 64 { starts.low |= 1 << UInt64(byte) } else if byte < 128 { starts.high |= 1 << UInt64(byte - 64) }
      }
      // A word that starts with a letter beyond ASCII: no filter on the first byte.
      if first >= 128 { starts = (~0, ~0) }
    }
    tokenStarts = starts
    self.tokens = tokenBytes.map { t in t.withUnsafeBufferPointer { packBytes($0) } }
    tokenLengths = tokenBytes.map(\.count)
    codeBytes = codes.map { Array($0.utf8) }
    codeLengths = codeBytes.map(\.count)
    self.codes = codeBytes.map { c in c.count <= 8 ? c.withUnsafeBufferPointer { packBytes($0) } : 0 }
    numbers = codes.compactMap { Double($0) }
  }

  var hasNumbers: Bool { !numbers.isEmpty }

  /// True for `null` and the other missing words, in any case.
  @inline(__always)
  func isToken(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
    guard field.count <= 8, !tokens.isEmpty, let first = field.first else { return false }
    if first < 128 {
      let startBits = first < 64 ? tokenStarts.low >> UInt64(first) : tokenStarts.high >> UInt64(first - 64)
      guard startBits & 1 == 1 else { return false }
    } else if tokenStarts != (~0, ~0) {
      return false
    }
    let key = packBytes(field, lowercase: true)
    for k in 0..<tokens.count where tokens[k] == key && tokenLengths[k] == field.count { return true }
    return false
  }

  /// True when `value` is a missing code.
  @inline(__always)
  func isCode(_ value: Double) -> Bool {
    for number in numbers where number == value { return true }
    return false
  }

  /// True when `field` spells a missing code.
  @inline(__always)
  func isCode(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
    if codes.isEmpty { return false }
    if field.count <= 8 {
      let key = packBytes(field)
      for k in 0..<codes.count where codes[k] == key && codeLengths[k] == field.count { return true }
      return false
    }
    for k in 0..<codeBytes.count where codeLengths[k] == field.count && field.elementsEqual(codeBytes[k]) { return true }
    return false
  }
}
