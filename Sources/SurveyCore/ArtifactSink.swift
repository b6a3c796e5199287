#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// Where a streaming ``ArtifactWriter`` sends the payload: the checksum and the length of every
/// byte, and the file (a descriptor opened by ``Artifact/write(stage:inputs:base:to:payload:)``).
///
/// Bytes are hashed and written in slices of 256 KB, so that the write reads each slice while
/// the hash has left it in the cache. The first failing `write(2)` is kept and later bytes are
/// only counted; the artifact's writer reports it after the payload.
final class ArtifactSink {
  private let descriptor: Int32
  private var hasher = PayloadChecksum()
  /// Payload bytes consumed.
  private(set) var count = 0
  /// The `errno` of the first failed write, 0 while none failed.
  private(set) var failure: Int32 = 0

  static let slice = 1 << 18

  init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  /// Hashes and writes `buffer`.
  func consume(_ buffer: UnsafeRawBufferPointer) {
    var start = 0
    while start < buffer.count {
      let end = min(start + Self.slice, buffer.count)
      let part = UnsafeRawBufferPointer(rebasing: buffer[start..<end])
      hasher.update(part)
      if failure == 0 { failure = Self.write(part, to: descriptor) }
      start = end
    }
    count += buffer.count
  }

  /// The payload's checksum (``PayloadChecksum``) as 16 lower-case hex digits.
  func checksum() -> String {
    hasher.hex()
  }

  /// Writes `bytes` whole to `descriptor`; returns 0 or the `errno` of the failure.
  static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
    var done = 0
    while done < bytes.count {
      let written = Foundation.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
      if written < 0 {
        if errno == EINTR { continue }
        return errno
      }
      done += written
    }
    return 0
  }
}
