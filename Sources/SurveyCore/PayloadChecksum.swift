// Raw pointers here, because a benchmark showed they pay: SHA-256 of the stage artifacts (266 MB
// a run at 1M rows, hashed when written and again when read) cost about 0.3 s of CPU a run at
// the 0.9 GB/s BoringSSL reaches on this machine; this checksum reads the payload as 8-byte
// words at several GB/s (docs/benchmarks.md, "Stage artifacts"). Loads are unaligned-safe.

/// The checksum of an artifact's payload: XXH64 (Yann Collet's xxHash, 64-bit, seed 0), fed in
/// pieces of any size and giving the same value as hashing the bytes whole.
///
/// Not a cryptographic hash: it finds damaged, truncated or mixed-up artifacts and tells one
/// artifact from another (the `base` each artifact names), in a run folder the user owns. The
/// inputs' provenance stays SHA-256 (``FileDigest``).
public struct PayloadChecksum: Sendable {
  static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
  static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
  static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
  static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
  static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

  private var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1 &+ prime2, prime2, 0, 0 &- prime1)
  /// Bytes of an unfinished 32-byte stripe.
  private var pending: [UInt8] = []
  private var length: UInt64 = 0

  public init() {
    pending.reserveCapacity(32)
  }

  /// The checksum of `bytes`, as 16 lower-case hex digits.
  public static func hex(of bytes: [UInt8]) -> String {
    var checksum = PayloadChecksum()
    bytes.withUnsafeBytes { checksum.update($0) }
    return checksum.hex()
  }

  /// Adds `buffer`'s bytes.
  public mutating func update(_ buffer: UnsafeRawBufferPointer) {
    length &+= UInt64(buffer.count)
    var start = 0
    if !pending.isEmpty {
      let taken = min(32 - pending.count, buffer.count)
      pending.append(contentsOf: buffer[0..<taken])
      start = taken
      guard pending.count == 32 else { return }
      pending.withUnsafeBytes { stripe(from: $0, at: 0) }
      pending.removeAll(keepingCapacity: true)
    }
    while buffer.count - start >= 32 {
      stripe(from: buffer, at: start)
      start += 32
    }
    pending.append(contentsOf: buffer[start...])
  }

  /// The checksum of every byte added, as 16 lower-case hex digits.
  public func hex() -> String {
    let value = finalize()
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// The checksum of every byte added.
  public func finalize() -> UInt64 {
    var hash: UInt64
    if length >= 32 {
      hash = lanes.0.rotated(1) &+ lanes.1.rotated(7) &+ lanes.2.rotated(12) &+ lanes.3.rotated(18)
      for lane in [lanes.0, lanes.1, lanes.2, lanes.3] {
        hash = (hash ^ Self.round(0, lane)) &* Self.prime1 &+ Self.prime4
      }
    } else {
      hash = Self.prime5
    }
    hash &+= length
    pending.withUnsafeBytes { tail in
      var offset = 0
      while tail.count - offset >= 8 {
        hash ^= Self.round(0, UInt64(littleEndian: tail.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
        hash = hash.rotated(27) &* Self.prime1 &+ Self.prime4
        offset += 8
      }
      if tail.count - offset >= 4 {
        hash ^= UInt64(UInt32(littleEndian: tail.loadUnaligned(fromByteOffset: offset, as: UInt32.self))) &* Self.prime1
        hash = hash.rotated(23) &* Self.prime2 &+ Self.prime3
        offset += 4
      }
      while offset < tail.count {
        hash ^= UInt64(tail[offset]) &* Self.prime5
        hash = hash.rotated(11) &* Self.prime1
        offset += 1
      }
    }
    hash ^= hash >> 33
    hash &*= Self.prime2
    hash ^= hash >> 29
    hash &*= Self.prime3
    hash ^= hash >> 32
    return hash
  }

  @inline(__always) private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
    (lane &+ word &* prime2).rotated(31) &* prime1
  }

  /// Folds the 32 bytes at `offset` into the four lanes.
  @inline(__always) private mutating func stripe(from buffer: UnsafeRawBufferPointer, at offset: Int) {
    func word(_ index: Int) -> UInt64 {
      UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset + 8 * index, as: UInt64.self))
    }
    lanes = (
      Self.round(lanes.0, word(0)), Self.round(lanes.1, word(1)), Self.round(lanes.2, word(2)),
      Self.round(lanes.3, word(3))
    )
  }
}

extension UInt64 {
  @inline(__always) fileprivate func rotated(_ bits: UInt64) -> UInt64 {
    (self << bits) | (self >> (64 - bits))
  }
}
