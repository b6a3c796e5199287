#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// An exclusive lock on a lock file, held by one process at a time and released by the kernel
/// when that process ends, however it ends (`flock(2)`): a killed run never leaves a lock held,
/// and a reused process id never passes for a live run.
///
/// The holder writes its process id into the file, so a process that has to wait can say whom it
/// waits for. The holder deletes the file when it lets go; a waiter that then gets the lock on the
/// deleted file notices (the path no longer names the file it locked) and locks the path afresh,
/// so two processes never both believe they hold it.
final class FolderLock {
  /// The lock file.
  let path: String
  private var descriptor: Int32

  /// Takes the lock on `path` (creating the file), waiting for its holder if there is one.
  ///
  /// - Parameter waiting: called once, before waiting, with the holder's process id when the
  ///   file names one.
  /// - Throws: ``CoreError/unwritableOutput(path:reason:)`` when the file cannot be created or
  ///   locked.
  init(path: String, waiting: (Int32?) -> Void) throws {
    self.path = path
    var announced = false
    while true {
      let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
      guard descriptor >= 0 else { throw Self.failure(path, "cannot create the lock file", errno) }
      if !Self.lock(descriptor, wait: false) {
        guard errno == EWOULDBLOCK else {
          let code = errno
          close(descriptor)
          throw Self.failure(path, "cannot lock the lock file", code)
        }
        if !announced {
          waiting(Self.holder(descriptor))
          announced = true
        }
        guard Self.lock(descriptor, wait: true) else {
          let code = errno
          close(descriptor)
          throw Self.failure(path, "cannot lock the lock file", code)
        }
      }
      // The previous holder may have deleted the file while this process waited on it.
      if Self.namesFile(path, descriptor) {
        self.descriptor = descriptor
        break
      }
      close(descriptor)
    }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
    try? handle.truncate(atOffset: 0)
    try? handle.write(contentsOf: Data("\(getpid())\n".utf8))
  }

  deinit { release() }

  /// Deletes the lock file and lets go of the lock (the file goes first, while still held).
  func release() {
    guard descriptor >= 0 else { return }
    unlink(path)
    close(descriptor)
    descriptor = -1
  }

  /// `flock(LOCK_EX)`, retried when a signal interrupts it; false with `errno` set on failure.
  private static func lock(_ descriptor: Int32, wait: Bool) -> Bool {
    while flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
      if errno != EINTR { return false }
    }
    return true
  }

  /// The process id the holder wrote into the file, if it has written one yet.
  private static func holder(_ descriptor: Int32) -> Int32? {
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
    guard (try? handle.seek(toOffset: 0)) != nil, let bytes = try? handle.read(upToCount: 32) else { return nil }
    let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return Int32(text).flatMap { $0 > 0 ? $0 : nil }
  }

  /// Whether `path` still names the open file `descriptor` (same device and inode).
  private static func namesFile(_ path: String, _ descriptor: Int32) -> Bool {
    var opened = stat()
    var named = stat()
    guard fstat(descriptor, &opened) == 0, stat(path, &named) == 0 else { return false }
    return opened.st_dev == named.st_dev && opened.st_ino == named.st_ino
  }

  private static func failure(_ path: String, _ what: String, _ code: Int32) -> CoreError {
    CoreError.unwritableOutput(path: path, reason: "\(what): \(String(cString: strerror(code)))")
  }
}
