import SurveyCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Dispatch

/// A file written through large buffers: bytes go to `.NAME.partial-PID` and the file takes its
/// name only in ``commit()``, so an interrupted run never leaves a truncated file under the
/// real name. Numbers are formatted by hand straight into the buffer.
///
/// There are two buffers: while a full one is written out on a background queue, the caller
/// fills the other, so generating rows and copying them to the kernel use both cores.
/// `@unchecked Sendable`: the only state the background queue touches is the buffer handed to
/// it and `failure`, and the `idle` semaphore orders every hand-over.
final class OutputFile: @unchecked Sendable {
  /// Where the file ends up.
  let path: String
  private let partialPath: String
  private var descriptor: Int32
  private let capacity: Int
  /// The buffer being filled, and the one that may be in flight.
  private var buffer: UnsafeMutablePointer<UInt8>
  private var spare: UnsafeMutablePointer<UInt8>
  /// Bytes in `buffer`, not yet handed over.
  private(set) var count = 0
  /// Bytes handed over for writing so far.
  private(set) var written = 0
  private let queue = DispatchQueue(label: "survey-pipe.synth.output")
  /// Signalled when no write is in flight.
  private let idle = DispatchSemaphore(value: 1)
  /// The first failed write's reason (set on `queue`, read after waiting on `idle`).
  private var failure: String?

  /// Creates `.NAME.partial-PID` beside `path` for writing (removing leftovers of killed runs:
  /// ``SurveyCore/PartialFiles``), so two runs into one folder never share a temporary file.
  ///
  /// - Parameter capacity: each buffer's size; a row must fit in what ``reserve(_:)`` asks for.
  init(path: String, capacity: Int = 1 << 22) throws {
    self.path = path
    PartialFiles.removeLeftovers(of: path)
    partialPath = PartialFiles.path(for: path)
    descriptor = open(partialPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else {
      throw SynthError.unwritableFile(path: path, reason: Self.lastError())
    }
    self.capacity = capacity
    buffer = .allocate(capacity: capacity)
    spare = .allocate(capacity: capacity)
  }

  deinit {
    // Wait for a write in flight (and leave the semaphore at its initial value, as
    // libdispatch requires of a semaphore being freed).
    idle.wait()
    idle.signal()
    buffer.deallocate()
    spare.deallocate()
    if descriptor >= 0 {
      close(descriptor)
      unlink(partialPath)
    }
  }

  /// Makes room for `bytes` more bytes, handing the buffer over for writing when it is too full.
  @inline(__always) func reserve(_ bytes: Int) throws {
    if count + bytes > capacity { try flush() }
  }

  /// Hands the buffer's bytes to the background queue and goes on with the other buffer.
  func flush() throws {
    guard count > 0 else { return }
    idle.wait()
    if let failure {
      idle.signal()
      throw SynthError.unwritableFile(path: path, reason: failure)
    }
    // The full buffer becomes `spare`, which only the queue touches until `idle` is signalled.
    swap(&buffer, &spare)
    let length = count
    written += count
    count = 0
    let descriptor = self.descriptor
    queue.async { [self] in
      var offset = 0
      while offset < length {
        let result = write(descriptor, spare + offset, length - offset)
        if result < 0 {
          if errno == EINTR { continue }
          failure = Self.lastError()
          break
        }
        offset += result
      }
      idle.signal()
    }
  }

  /// Writes what is left, closes the file and gives it its real name; returns its size.
  @discardableResult
  func commit() throws -> Int {
    try flush()
    idle.wait()
    defer { idle.signal() }
    if let failure {
      throw SynthError.unwritableFile(path: path, reason: failure)
    }
    let status = close(descriptor)
    descriptor = -1
    guard status == 0 else {
      let reason = Self.lastError()
      unlink(partialPath)
      throw SynthError.unwritableFile(path: path, reason: reason)
    }
    guard rename(partialPath, path) == 0 else {
      let reason = Self.lastError()
      unlink(partialPath)
      throw SynthError.unwritableFile(path: path, reason: reason)
    }
    return written
  }

  // MARK: Appending (callers reserve room first)

  @inline(__always) func append(_ byte: UInt8) {
    buffer[count] = byte
    count += 1
  }

  /// Appends `bytes[start ..< start + length]`.
  @inline(__always) func append(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, length: Int? = nil) {
    let length = length ?? bytes.count - start
    (buffer + count).update(from: bytes.baseAddress! + start, count: length)
    count += length
  }

  /// Appends the UTF-8 bytes of `text`, flushing as needed (for small files and headers).
  func append(text: String) throws {
    var text = text
    try text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        if count == capacity { try flush() }
        let chunk = min(bytes.count - offset, capacity - count)
        append(bytes, from: offset, length: chunk)
        offset += chunk
      }
    }
  }

  /// Appends a non-negative integer in decimal, at least `width` digits (zero-padded).
  @inline(__always) func append(decimal value: Int, width: Int = 1) {
    var digits = 1
    var limit = 10
    while value >= limit, digits < 19 {
      digits += 1
      limit &*= 10
    }
    digits = max(digits, width)
    var rest = value
    var index = count + digits - 1
    while index >= count {
      buffer[index] = UInt8(truncatingIfNeeded: 48 + rest % 10)
      rest /= 10
      index -= 1
    }
    count += digits
  }

  /// Appends an amount in hundredths as `units.hh` (e.g. 123456 → `1234.56`).
  @inline(__always) func append(cents value: Int) {
    append(decimal: value / 100)
    append(UInt8(ascii: "."))
    append(decimal: value % 100, width: 2)
  }

  private static func lastError() -> String {
    String(cString: strerror(errno))
  }
}
