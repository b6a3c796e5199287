#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

extension OutputFolder {
  /// Puts the staging folder in the destination's place.
  func replaceDestination() throws {
    guard FileManager.default.fileExists(atPath: destination.path) else {
      guard rename(staging.path, destination.path) == 0 else { throw failure(errno) }
      return
    }
    switch FolderExchange.exchange(staging.path, destination.path) {
    case .exchanged:
      // The staging path now names the old folder. Should this process die before it is gone,
      // it is a leftover like any other, deleted by the next run.
      try? FileManager.default.removeItem(at: staging)
    case .unsupported:
      try replaceByTwoRenames()
    case .failed(let code):
      throw failure(code)
    }
  }

  /// Moves the old folder aside, then the new one into place: only where the kernel or the file
  /// system cannot exchange two names (Linux before 3.15, file systems such as NFS or FUSE ones
  /// without `RENAME_EXCHANGE`), since the run folder's path is missing between the two renames.
  /// A run killed just then leaves the old folder as `.NAME.previous-PID`, and the next run puts
  /// it back (``restoreInterrupted(notify:)``).
  func replaceByTwoRenames() throws {
    let previous = Self.sibling(of: destination, kind: "previous", process: getpid())
    guard rename(destination.path, previous.path) == 0 else { throw failure(errno) }
    guard rename(staging.path, destination.path) == 0 else {
      let code = errno
      _ = rename(previous.path, destination.path)
      throw failure(code)
    }
    try? FileManager.default.removeItem(at: previous)
  }

  /// `.NAME.KIND-PROCESS` beside `folder`.
  static func sibling(of folder: URL, kind: String, process: Int32) -> URL {
    folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).\(kind)-\(process)")
  }

  private func failure(_ code: Int32) -> CoreError {
    CoreError.unwritableOutput(path: displayPath, reason: String(cString: strerror(code)))
  }
}
