extension Column {
  /// For every row, the earlier row holding the same present value, or -1 (first occurrence,
  /// missing, or a row `skip` excludes).
  ///
  /// Cache-friendly in three sequential passes (see ``earlierRows(count:include:hash:equal:)``):
  /// one hash table over the whole column missed the cache on almost every row, which made the
  /// id column's duplicates 0.1 s of validate and again of clean at 1M rows.
  public func earlierDuplicates(skipping skip: [Bool]? = nil) -> [Int32] {
    let state = self.state
    func include(_ row: Int) -> Bool { state[row] == .present && !(skip?[row] ?? false) }
    switch values {
    case .texts(let texts):
      return Self.earlierRows(
        count: count, include: include,
        hash: { row in texts[row].utf8.withContiguousStorageIfAvailable { Self.hash($0) } ?? Self.hash(Array(texts[row].utf8)) },
        equal: { texts[$0] == texts[$1] })
    case .numbers(let v):
      // +0 and -0 are the same value.
      return Self.earlierRows(keys: v.map { $0 == 0 ? 0 : $0.bitPattern }, include: include)
    case .dates(let d):
      return Self.earlierRows(keys: d.map { UInt64(bitPattern: Int64($0)) }, include: include)
    case .instants(let t):
      return Self.earlierRows(keys: t.map { UInt64(bitPattern: $0) }, include: include)
    case .codes(let c):
      return Self.earlierRows(keys: c.map { UInt64(bitPattern: Int64($0)) }, include: include)
    case .selections(let s):
      return Self.earlierRows(keys: s, include: include)
    }
  }

  /// ``earlierRows(count:include:hash:equal:)`` for values that are their own 64-bit keys.
  static func earlierRows(keys: [UInt64], include: (Int) -> Bool) -> [Int32] {
    earlierRows(count: keys.count, include: include, hash: { mix(keys[$0]) }, equal: { keys[$0] == keys[$1] })
  }

  /// For every row, the first earlier included row whose value is `equal`, or -1.
  ///
  /// 1. The hash of every included row, in row order (sequential).
  /// 2. The (hash, row) pairs scattered, stably, into buckets of about 512 by the hash's top
  ///    bits: equal values share a bucket, and within one the rows stay in order.
  /// 3. Per bucket, a small open-addressing table (it stays in the cache) finds each row's first
  ///    equal: the full hashes are compared first, so `equal` reads the values only for rows
  ///    whose 64-bit hashes agree.
  static func earlierRows(
    count: Int, include: (Int) -> Bool, hash: (Int) -> UInt64, equal: (Int, Int) -> Bool
  ) -> [Int32] {
    var result = [Int32](repeating: -1, count: count)
    var entries: [(hash: UInt64, row: Int32)] = []
    entries.reserveCapacity(count)
    for row in 0..<count where include(row) { entries.append((hash(row), Int32(row))) }
    let bits = bucketBits(entries.count)
    // `>>` by 64 (bits == 0) gives 0: one bucket.
    func bucket(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> UInt64(64 - bits)) }
    var starts = [Int](repeating: 0, count: (1 << bits) + 1)
    for entry in entries { starts[bucket(entry.hash) + 1] += 1 }
    for index in 1..<starts.count { starts[index] += starts[index - 1] }
    var parted = [(hash: UInt64, row: Int32)](repeating: (0, 0), count: entries.count)
    var next = starts
    for entry in entries {
      let target = bucket(entry.hash)
      parted[next[target]] = entry
      next[target] += 1
    }
    entries = []
    var largest = 0
    for index in 0..<(starts.count - 1) { largest = max(largest, starts[index + 1] - starts[index]) }
    var capacity = 4
    while capacity < largest * 2 { capacity <<= 1 }
    var slots = [Int32](repeating: -1, count: capacity)
    for index in 0..<(starts.count - 1) where starts[index + 1] - starts[index] > 1 {
      firstEqual(in: parted[starts[index]..<starts[index + 1]], slots: &slots, equal: equal, result: &result)
    }
    return result
  }

  /// The bits of the bucket number: buckets of about 512 entries, at most 2^16 of them.
  static func bucketBits(_ count: Int) -> Int {
    var bits = 0
    while bits < 16, count >> bits > 512 { bits += 1 }
    return bits
  }

  /// Marks, for each entry of one bucket (in row order), the first earlier entry equal to it.
  private static func firstEqual(
    in bucket: ArraySlice<(hash: UInt64, row: Int32)>, slots: inout [Int32], equal: (Int, Int) -> Bool,
    result: inout [Int32]
  ) {
    var size = 4
    while size < bucket.count * 2 { size <<= 1 }
    let mask = size - 1
    for slot in 0..<size { slots[slot] = -1 }
    let base = bucket.startIndex
    for index in bucket.indices {
      let entry = bucket[index]
      var slot = Int(truncatingIfNeeded: entry.hash) & mask
      while true {
        let other = Int(slots[slot])
        if other < 0 {
          slots[slot] = Int32(index - base)
          break
        }
        let earlier = bucket[base + other]
        if earlier.hash == entry.hash, equal(Int(earlier.row), Int(entry.row)) {
          result[Int(entry.row)] = earlier.row
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
