import Foundation

/// A run folder written as a whole or not at all: files go into a hidden sibling folder
/// (`.NAME.partial-PID`), which takes the run folder's place only when every file is written.
///
/// - The switch is one step: the kernel exchanges the two folders' names (Linux `renameat2` with
///   `RENAME_EXCHANGE`, macOS `renamex_np` with `RENAME_SWAP`), then the old folder is deleted, so
///   the run folder's path never goes missing. A failed or killed run leaves the previous run
///   folder whole.
/// - One run at a time per folder: a lock file beside it (`.NAME.lock`, `flock(2)`) is held from
///   the start of the run to the end of the switch; a second run waits for the first, saying so.
/// - The hidden folders that killed runs left beside the run folder are deleted by the next run,
///   which says how many and how large (the lock proves that no live run still writes them).
/// - A run replaces only a folder it made: it refuses a folder holding anything its `layout`
///   does not name, rather than delete someone's file.
public final class OutputFolder {
  /// The folder the outputs end up in (absolute, symbolic links resolved).
  public let destination: URL
  /// The temporary folder being filled.
  public let staging: URL
  /// The entries a run folder may hold: the only ones a run may delete.
  let layout: Layout
  /// The path as the caller gave it, for messages.
  let displayPath: String
  private let lock: FolderLock
  private var committed = false

  /// Says whether a run folder's entry (a path relative to the folder, `/`-separated) is one the
  /// writer makes; `isFolder` tells a folder from a file.
  public typealias Layout = (_ relativePath: String, _ isFolder: Bool) -> Bool

  /// Takes the folder's lock (waiting for a concurrent run into the same folder), deletes what
  /// killed runs left beside it, and creates the staging folder (creating parent folders as
  /// needed).
  ///
  /// The destination must not exist, or be empty, or be an earlier run folder (it has a
  /// `run.json`) holding only what `layout` names: a run never replaces a folder or a file it
  /// did not make.
  /// - Parameters:
  ///   - layout: which entries of a run folder the writer makes.
  ///   - notify: gets a line for the user when the run waits for another or deletes leftovers.
  /// - Throws: ``CoreError/unwritableOutput(path:reason:)``.
  public init(path: String, layout: @escaping Layout, notify: (String) -> Void) throws {
    destination = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
    displayPath = path
    self.layout = layout
    let parent = destination.deletingLastPathComponent()
    let name = destination.lastPathComponent
    staging = parent.appendingPathComponent(".\(name).partial-\(getpid())")
    do {
      try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    } catch {
      throw CoreError.unwritableOutput(path: path, reason: describe(error))
    }
    lock = try Self.takeLock(destination, displayPath: path, notify: notify)
    restoreInterrupted(notify: notify)
    try checkDestination()
    removeDebris(notify: notify)
    do {
      try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
    } catch {
      throw CoreError.unwritableOutput(path: path, reason: describe(error))
    }
  }

  deinit {
    if !committed { try? FileManager.default.removeItem(at: staging) }
  }

  /// Writes `bytes` to `relativePath` inside the staging folder.
  public func write(_ relativePath: String, bytes: [UInt8]) throws {
    let file = staging.appendingPathComponent(relativePath)
    do {
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: file)
    } catch {
      throw CoreError.unwritableOutput(path: destination.appendingPathComponent(relativePath).path, reason: describe(error))
    }
  }

  /// Writes `chunks` one after the other to `relativePath` inside the staging folder.
  public func write(_ relativePath: String, chunks: [[UInt8]]) throws {
    try write(relativePath) { sink in
      for chunk in chunks { try chunk.withUnsafeBytes { try sink($0) } }
    }
  }

  /// Writes to `relativePath` the bytes `produce` hands to its sink, as they come (a large
  /// export is never held in memory whole). What `produce` throws is rethrown as it is.
  public func write(
    _ relativePath: String, streaming produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
  ) throws {
    let file = staging.appendingPathComponent(relativePath)
    let shown = destination.appendingPathComponent(relativePath).path
    let handle: FileHandle
    do {
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
        throw CoreError.unwritableOutput(path: shown, reason: "cannot create the file")
      }
      handle = try FileHandle(forWritingTo: file)
    } catch let error as CoreError {
      throw error
    } catch {
      throw CoreError.unwritableOutput(path: shown, reason: describe(error))
    }
    do {
      try produce { bytes in
        do {
          try handle.write(contentsOf: bytes)
        } catch {
          throw CoreError.unwritableOutput(path: shown, reason: describe(error))
        }
      }
    } catch {
      try? handle.close()
      throw error
    }
    // A full disk may show only when the file is closed.
    do {
      try handle.close()
    } catch {
      throw CoreError.unwritableOutput(path: shown, reason: describe(error))
    }
  }

  /// Writes `text` as UTF-8.
  public func write(_ relativePath: String, text: String) throws {
    try write(relativePath, bytes: Array(text.utf8))
  }

  /// Replaces the destination folder with the staging folder, in one step where the system can,
  /// then deletes the old folder and lets go of the lock.
  ///
  /// - Throws: ``CoreError/unwritableOutput(path:reason:)`` when the destination now holds a file
  ///   the run did not make, or the switch fails (the previous folder is then left as it was).
  public func commit() throws {
    // Checked again just before the switch: a file may have been put into the folder during the
    // run. (A file put there in the microseconds between this check and the exchange would still
    // go; no file system offers a check-and-exchange.)
    try checkDestination()
    try replaceDestination()
    committed = true
    lock.release()
  }

  /// True when `path` is `folder` or lies inside it (symbolic links resolved).
  public static func folder(_ folder: String, contains path: String) -> Bool {
    let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    let folder = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
    return target == folder || target.hasPrefix(folder + "/")
  }
}
