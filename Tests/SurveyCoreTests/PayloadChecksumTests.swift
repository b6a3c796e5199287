import Testing

@testable import SurveyCore

@Suite("PayloadChecksum: XXH64 of the artifact payload")
struct PayloadChecksumTests {
  /// The bytes of the reference cases: `bytes(range(256)) * 3 + b"xyz"` for the long one.
  static let long = Array((0..<3).flatMap { _ in (0...255).map(UInt8.init) }) + Array("xyz".utf8)

  /// Expected values from the reference implementation (Python's `xxhash` 4.1.0, which wraps
  /// the C library): `python3 -c "import xxhash; print(xxhash.xxh64(DATA, seed=0).hexdigest())"`.
  @Test(
    "the reference values of XXH64 with seed 0",
    arguments: [
      (Array("".utf8), "ef46db3751d8e999"), (Array("a".utf8), "d24ec4f1a98c6e5b"),
      (Array("abc".utf8), "44bc2cf5ad770999"), (Array("0123456789abcdef0123456789abcdef".utf8), "642a94958e71e6c5"),
      (long, "e921a1b45bd779f8"),
    ])
  func reference(bytes: [UInt8], hex: String) {
    #expect(PayloadChecksum.hex(of: bytes) == hex)
  }

  @Test("fed in pieces of any size, the checksum is that of the bytes whole")
  func pieces() {
    let whole = PayloadChecksum.hex(of: Self.long)
    for size in [1, 3, 7, 8, 31, 32, 33, 100, 770] {
      var checksum = PayloadChecksum()
      var start = 0
      while start < Self.long.count {
        let end = min(start + size, Self.long.count)
        Self.long[start..<end].withUnsafeBytes { checksum.update($0) }
        start = end
      }
      #expect(checksum.hex() == whole, "pieces of \(size)")
    }
  }

  @Test("one changed bit, one byte more or one fewer changes the checksum")
  func sensitive() {
    let whole = PayloadChecksum.hex(of: Self.long)
    var flipped = Self.long
    flipped[400] ^= 0x10
    #expect(PayloadChecksum.hex(of: flipped) != whole)
    #expect(PayloadChecksum.hex(of: Self.long + [0]) != whole)
    #expect(PayloadChecksum.hex(of: Array(Self.long.dropLast())) != whole)
  }
}
