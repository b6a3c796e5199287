#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Raw pointers and mmap: a batch is mapped rather than copied into memory, and the passes over it
// give back the pages behind them, so that a file never sits in memory whole beside the columns
// made from it (docs/benchmarks.md, issue 11: 1M rows, peak memory 229 MB with the file read
// into an array, one copy of the CSV's 108 MB of it).

/// The bytes of one batch file: mapped read-only from the file, or (for bytes given in memory,
/// and empty files) held in an array.
///
/// The passes over a mapped file (UTF-8 check, line count, hash, parsing) call
/// ``release(_:_:)`` behind them: the pages go back to the system (the file stays in the page
/// cache) and are mapped again if read again.
///
/// `@unchecked Sendable`: every stored property is immutable after `init`; the bytes are only
/// read; `release` calls `madvise`, which is safe from any thread (a released page that
/// another thread reads again is read from the file again).
final class FileContents: @unchecked Sendable {
  /// The file's bytes, valid as long as this object lives.
  let bytes: UnsafeBufferPointer<UInt8>
  private let mapping: UnsafeMutableRawPointer?
  private let owned: UnsafeMutableBufferPointer<UInt8>?
  /// The mapped file's path and its size and modification time when it was opened.
  private let origin: (path: String, size: Int, modified: timespec)?
  private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

  /// Bytes held in memory (a copy is kept).
  init(_ array: [UInt8]) {
    let owned = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(array.count, 1))
    _ = owned.initialize(from: array)
    self.owned = owned
    mapping = nil
    origin = nil
    bytes = UnsafeBufferPointer(start: owned.baseAddress, count: array.count)
  }

  private init(mapping: UnsafeMutableRawPointer, count: Int, path: String, modified: timespec) {
    self.mapping = mapping
    owned = nil
    origin = (path, count, modified)
    bytes = UnsafeBufferPointer(start: mapping.assumingMemoryBound(to: UInt8.self), count: count)
  }

  /// True when the mapped file's size or modification time is no longer what it was when it
  /// was opened (another program wrote it while it was read); false for bytes held in memory.
  func changedSinceOpened() -> Bool {
    guard let origin else { return false }
    var info = stat()
    guard stat(origin.path, &info) == 0 else { return true }
    return Int(info.st_size) != origin.size || info.st_mtim.tv_sec != origin.modified.tv_sec
      || info.st_mtim.tv_nsec != origin.modified.tv_nsec
  }

  /// Gives back every page of the mapping (once its text has been copied elsewhere).
  func releaseAll() {
    guard let base = bytes.baseAddress else { return }
    release(base, base + bytes.count)
  }

  deinit {
    if let mapping { munmap(mapping, bytes.count) }
    owned?.deallocate()
  }

  /// Maps the regular file at `path`; reads it into memory where it cannot be mapped (an empty
  /// file). The bytes are those of the file's size when it was opened; a reader checks
  /// ``changedSinceOpened()`` when it is done.
  ///
  /// - Throws: ``IngestError/unreadable(path:reason:)`` for a missing file, one that is not a
  ///   regular file (a folder, a named pipe, a device) or one that cannot be read.
  static func map(_ path: String) throws -> FileContents {
    let (fd, info) = try openRegularFile(path)
    defer { close(fd) }
    let size = Int(info.st_size)
    guard size > 0 else { return FileContents(try FileBytes.read(path)) }
    let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
    guard let address, address != MAP_FAILED else { return FileContents(try FileBytes.read(path)) }
    return FileContents(mapping: address, count: size, path: path, modified: info.st_mtim)
  }

  /// Gives back the whole pages of the mapping between `start` and `end` (addresses in
  /// ``bytes``; nothing for bytes held in memory or addresses elsewhere).
  func release(_ start: UnsafeRawPointer, _ end: UnsafeRawPointer) {
    guard let mapping else { return }
    let low = max(Int(bitPattern: start), Int(bitPattern: mapping))
    let high = min(Int(bitPattern: end), Int(bitPattern: mapping) + bytes.count)
    let first = (low + Self.pageSize - 1) / Self.pageSize * Self.pageSize
    let last = high / Self.pageSize * Self.pageSize
    guard last > first, let page = UnsafeMutableRawPointer(bitPattern: first) else { return }
    madvise(page, last - first, Int32(MADV_DONTNEED))
  }
}

/// Gives back, every few megabytes, the pages a sequential pass over a mapped file has left
/// behind it.
struct ReleaseBehind {
  static let stride = 8 << 20
  let file: FileContents?
  private var mark: UnsafeRawPointer?

  /// A pass over `file` (nil: nothing to give back) that starts at `start`.
  init(_ file: FileContents?, from start: UnsafeRawPointer?) {
    self.file = file
    mark = start
  }

  /// The pass has read everything before `position`.
  @inline(__always)
  mutating func reached(_ position: UnsafeRawPointer) {
    guard let file, let mark, mark.distance(to: position) >= Self.stride else { return }
    file.release(mark, position)
    self.mark = position
  }
}

/// Mapped input files and the one way reading them can fail after they were opened.
public enum MappedFiles {
  /// Makes a bus error (a mapped file shortened by another program while survey-pipe reads it)
  /// stop the process with a message and exit status 1 rather than a crash report. Outputs are
  /// written to temporary names and renamed when whole, so none is left half-written.
  public static func stopCleanlyOnTruncation() {
    signal(SIGBUS, shortenedFile)
  }
}

private func shortenedFile(_ signal: Int32) {
  // Only async-signal-safe calls here: a static message, write(2), _exit(2).
  let message: StaticString =
    "survey-pipe: error: an input file became shorter while it was being read (is another program writing it?); the run stopped\n"
  _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
  _exit(1)
}
