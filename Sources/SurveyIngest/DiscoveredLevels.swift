import Foundation

/// The levels of a categorical column found in the data, in order of first appearance, looked up
/// straight from field bytes.
///
/// ASCII fields of up to eight bytes (nearly every code: `1`, `M`, `11000001`) are found through an
/// open-addressing table of packed integer keys, with no `String` made; other fields through a
/// dictionary of strings. Canonically equivalent spellings are one level, as Swift strings
/// compare them (`é` composed or not; the Kelvin sign and `K`): a field that is not ASCII but
/// whose canonical decomposition is goes to the table under that decomposition. The last field's level is remembered, since neighbouring
/// records often share a level (a PSU's interviews follow each other).
struct DiscoveredLevels {
  private(set) var levels: [String] = []
  private var strings: [String: Int32] = [:]
  /// Packed keys (0 = empty slot) and their levels; the capacity is a power of two.
  private var keys: [UInt64] = Array(repeating: 0, count: 64)
  private var indexes: [Int32] = Array(repeating: -1, count: 64)
  private var shortCount = 0
  private var lastKey: UInt64 = 0
  private var lastIndex: Int32 = -1
  /// The last field that went through the dictionary, and its level.
  private var lastText: (bytes: [UInt8], index: Int32) = ([], -1)

  init(levels: [String] = []) {
    for level in levels { _ = index(ofText: level) }
  }

  /// The level spelled by `bytes` (not empty), added when new.
  @inline(__always)
  mutating func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
    precondition(!bytes.isEmpty, "an empty field has no level")
    guard let key = Self.key(bytes) else {
      // Neighbouring records often share a level: no `String` for a repeat.
      if lastText.index >= 0, bytes.elementsEqual(lastText.bytes) { return lastText.index }
      let index = index(ofText: String(decoding: bytes, as: UTF8.self))
      lastText = (Array(bytes), index)
      return index
    }
    if key == lastKey { return lastIndex }
    let index = index(ofKey: key, bytes: bytes)
    lastKey = key
    lastIndex = index
    return index
  }

  /// The level `text` (as read, not empty), added when new.
  mutating func index(ofText text: String) -> Int32 {
    // A level already in the dictionary (it is never one whose decomposition is ASCII).
    if let known = strings[text] { return known }
    var utf8 = Array(text.utf8)
    if utf8.contains(where: { $0 >= 0x80 }) {
      let decomposed = Array(text.decomposedStringWithCanonicalMapping.utf8)
      if decomposed.allSatisfy({ $0 < 0x80 }) { utf8 = decomposed }
    }
    if let index = utf8.withUnsafeBufferPointer({ bytes in Self.key(bytes).map { index(ofKey: $0, bytes: bytes, text: text) } }) {
      return index
    }
    let new = Int32(levels.count)
    strings[text] = new
    levels.append(text)
    return new
  }

  /// The level of `key` (packed from `bytes`), added when new as `text` (`bytes` as text unless
  /// given: the spelling first met).
  private mutating func index(ofKey key: UInt64, bytes: UnsafeBufferPointer<UInt8>, text: String? = nil) -> Int32 {
    let mask = keys.count - 1
    var slot = Self.hash(key) & mask
    while keys[slot] != 0 {
      if keys[slot] == key { return indexes[slot] }
      slot = (slot + 1) & mask
    }
    let new = Int32(levels.count)
    levels.append(text ?? String(decoding: bytes, as: UTF8.self))
    keys[slot] = key
    indexes[slot] = new
    shortCount += 1
    if shortCount * 2 > keys.count { grow() }
    return new
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldIndexes = indexes
    keys = Array(repeating: 0, count: oldKeys.count * 2)
    indexes = Array(repeating: -1, count: oldKeys.count * 2)
    let mask = keys.count - 1
    for (key, index) in zip(oldKeys, oldIndexes) where key != 0 {
      var slot = Self.hash(key) & mask
      while keys[slot] != 0 { slot = (slot + 1) & mask }
      keys[slot] = key
      indexes[slot] = index
    }
  }

  /// The high bit of every byte: set in a packed key when a byte is not ASCII.
  private static let notASCII: UInt64 = 0x8080_8080_8080_8080

  /// The table's key for `bytes`: up to seven ASCII bytes with their count in the top byte, or
  /// eight ASCII bytes whose last is printable (so at least 0x20, never a count); nil otherwise.
  @inline(__always)
  private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
    guard bytes.count <= 8 else { return nil }
    let packed = packBytes(bytes)
    guard packed & notASCII == 0 else { return nil }
    if bytes.count < 8 { return packed | UInt64(bytes.count) << 56 }
    return packed >> 56 >= 0x20 ? packed : nil
  }

  @inline(__always)
  private static func hash(_ key: UInt64) -> Int {
    // A multiplicative hash (Fibonacci hashing): the high bits mix every byte of the key.
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32)
  }
}
