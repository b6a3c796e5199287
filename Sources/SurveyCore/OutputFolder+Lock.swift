import Foundation

extension OutputFolder {
  /// Takes the lock of the run folder at `destination` (absolute, links resolved): the lock file
  /// `.NAME.lock` beside it, waiting for its holder and saying so through `notify`.
  static func takeLock(_ destination: URL, displayPath: String, notify: (String) -> Void) throws -> FolderLock {
    let parent = destination.deletingLastPathComponent()
    return try FolderLock(path: parent.appendingPathComponent(".\(destination.lastPathComponent).lock").path) { holder in
      notify("waiting for \(holder.map { "run PID \($0)" } ?? "another run"), which is writing \(displayPath)")
    }
  }

  /// Holds the lock of the run folder at `path` (the one ``OutputFolder`` takes) without writing
  /// the folder: a stage that writes only its artifact beside the run folder (`survey-pipe
  /// ingest`, `validate`, `clean`, `weight`) holds it so that it never reads or writes the stage
  /// artifacts while a run or another stage of the same folder does. Released when the value is
  /// released or the process ends.
  ///
  /// - Throws: ``CoreError/unwritableOutput(path:reason:)`` when the parent folder cannot be
  ///   created or the lock file cannot be locked.
  public final class Lock {
    private let lock: FolderLock

    public init(path: String, notify: (String) -> Void) throws {
      let destination = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
      do {
        try FileManager.default.createDirectory(
          at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
      } catch {
        throw CoreError.unwritableOutput(path: path, reason: describe(error))
      }
      lock = try OutputFolder.takeLock(destination, displayPath: path, notify: notify)
    }
  }
}
