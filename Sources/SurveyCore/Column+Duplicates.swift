extension Column {
  /// For every row, the earlier row holding the same present value, or -1 (first occurrence,
  /// missing, or a row `skip` excludes).
  ///
  /// An open-addressing hash table over the values' bytes: no `String` hashing, one pass.
  public func earlierDuplicates(skipping skip: [Bool]? = nil) -> [Int32] {
    let count = self.count
    var result = [Int32](repeating: -1, count: count)
    var capacity = 16
    while capacity < count * 2 { capacity <<= 1 }
    let mask = capacity - 1
    var slots = [Int32](repeating: -1, count: capacity)
    func include(_ row: Int) -> Bool { state[row] == .present && !(skip?[row] ?? false) }
    switch values {
    case .texts(let texts):
      slots.withUnsafeMutableBufferPointer { slots in
        for row in 0..<count where include(row) {
          let hash = texts[row].utf8.withContiguousStorageIfAvailable { Self.hash($0) } ?? Self.hash(Array(texts[row].utf8))
          var slot = Int(truncatingIfNeeded: hash) & mask
          while true {
            let other = Int(slots[slot])
            if other < 0 {
              slots[slot] = Int32(row)
              break
            }
            if texts[other] == texts[row] {
              result[row] = Int32(other)
              break
            }
            slot = (slot + 1) & mask
          }
        }
      }
    case .numbers(let v):
      // +0 and -0 are the same value.
      probe(v.map { $0 == 0 ? 0 : $0.bitPattern }, include: include, slots: &slots, mask: mask, result: &result)
    case .dates(let d):
      probe(d.map { UInt64(bitPattern: Int64($0)) }, include: include, slots: &slots, mask: mask, result: &result)
    case .instants(let t):
      probe(t.map { UInt64(bitPattern: $0) }, include: include, slots: &slots, mask: mask, result: &result)
    case .codes(let c):
      probe(c.map { UInt64(bitPattern: Int64($0)) }, include: include, slots: &slots, mask: mask, result: &result)
    case .selections(let s):
      probe(s, include: include, slots: &slots, mask: mask, result: &result)
    }
    return result
  }

  private func probe(
    _ keys: [UInt64], include: (Int) -> Bool, slots: inout [Int32], mask: Int, result: inout [Int32]
  ) {
    for row in 0..<keys.count where include(row) {
      var slot = Int(truncatingIfNeeded: Self.mix(keys[row])) & mask
      while true {
        let other = Int(slots[slot])
        if other < 0 {
          slots[slot] = Int32(row)
          break
        }
        if keys[other] == keys[row] {
          result[row] = Int32(other)
          break
        }
        slot = (slot + 1) & mask
      }
    }
  }

  static func hash(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBufferPointer { hash($0) }
  }

  /// FNV-1a over bytes, finished with a mixer so the low bits spread.
  @inline(__always)
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      h ^= UInt64(byte)
      h = h &* 0x100_0000_01b3
    }
    return mix(h)
  }

  /// The finaliser of SplitMix64.
  @inline(__always)
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9e37_79b9_7f4a_7c15
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}
