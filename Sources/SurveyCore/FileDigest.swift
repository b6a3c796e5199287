import Crypto

/// SHA-256 digests for the provenance record (`run.json`) of every input.
public enum FileDigest {
  /// The SHA-256 of `bytes` as 64 lower-case hex digits.
  public static func sha256<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
    let digest: SHA256.Digest
    if let contiguous = bytes.withContiguousStorageIfAvailable({ SHA256.hash(data: UnsafeRawBufferPointer($0)) }) {
      digest = contiguous
    } else {
      digest = SHA256.hash(data: Array(bytes))
    }
    return hex(digest)
  }

  /// The SHA-256 of `bytes`, hashed a megabyte at a time; `afterBlock` gets the end of each
  /// block hashed (to give back the pages of a mapped file behind the hash).
  public static func sha256(_ bytes: UnsafeRawBufferPointer, afterBlock: (UnsafeRawPointer) -> Void) -> String {
    var hasher = SHA256()
    var start = 0
    while start < bytes.count {
      let end = min(bytes.count, start + (1 << 20))
      hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
      afterBlock(bytes.baseAddress! + end)
      start = end
    }
    return hex(hasher.finalize())
  }

  /// A digest as lower-case hex digits.
  static func hex(_ digest: SHA256.Digest) -> String {
    let hex = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(64)
    for byte in digest {
      out.append(hex[Int(byte >> 4)])
      out.append(hex[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
