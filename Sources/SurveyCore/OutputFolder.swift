import Foundation

/// A run folder written as a whole or not at all: files go into a temporary sibling folder, which
/// replaces the final folder only when every file is written. A failed run leaves the previous
/// outputs untouched.
public final class OutputFolder {
  /// The folder the outputs end up in.
  public let destination: URL
  /// The temporary folder being filled.
  public let staging: URL
  private var committed = false

  /// Creates the staging folder next to `path` (creating parent folders as needed).
  ///
  /// The destination must not exist, or be empty, or be an earlier run folder (it has a
  /// `run.json`): a run never replaces a folder or file it did not make.
  /// - Throws: ``CoreError/unwritableOutput(path:reason:)``.
  public init(path: String) throws {
    destination = URL(fileURLWithPath: path).standardizedFileURL
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw CoreError.unwritableOutput(path: path, reason: "it is a file, not a run folder; choose another output folder")
      }
      let contents = (try? FileManager.default.contentsOfDirectory(atPath: destination.path)) ?? []
      if !contents.isEmpty, !contents.contains("run.json") {
        throw CoreError.unwritableOutput(
          path: path,
          reason: "the folder holds files and is not a survey-pipe run folder (it has no run.json); runs replace their output folder, so choose another")
      }
    }
    let parent = destination.deletingLastPathComponent()
    staging = parent.appendingPathComponent(".\(destination.lastPathComponent).partial-\(getpid())")
    do {
      try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
      if FileManager.default.fileExists(atPath: staging.path) { try FileManager.default.removeItem(at: staging) }
      try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
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
    let file = staging.appendingPathComponent(relativePath)
    do {
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
        throw CoreError.unwritableOutput(path: destination.appendingPathComponent(relativePath).path, reason: "cannot create the file")
      }
      let handle = try FileHandle(forWritingTo: file)
      defer { try? handle.close() }
      for chunk in chunks { try handle.write(contentsOf: chunk) }
    } catch let error as CoreError {
      throw error
    } catch {
      throw CoreError.unwritableOutput(path: destination.appendingPathComponent(relativePath).path, reason: describe(error))
    }
  }

  /// Writes `text` as UTF-8.
  public func write(_ relativePath: String, text: String) throws {
    try write(relativePath, bytes: Array(text.utf8))
  }

  /// Replaces the destination folder with the staging folder.
  public func commit() throws {
    let manager = FileManager.default
    let previous = destination.deletingLastPathComponent()
      .appendingPathComponent(".\(destination.lastPathComponent).previous-\(getpid())")
    do {
      if manager.fileExists(atPath: destination.path) {
        try manager.moveItem(at: destination, to: previous)
      }
      do {
        try manager.moveItem(at: staging, to: destination)
      } catch {
        if manager.fileExists(atPath: previous.path) { try? manager.moveItem(at: previous, to: destination) }
        throw error
      }
      committed = true
      try? manager.removeItem(at: previous)
    } catch {
      throw CoreError.unwritableOutput(path: destination.path, reason: describe(error))
    }
  }

  /// True when `path` is the destination folder or lies inside it.
  public func contains(_ path: String) -> Bool {
    let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    let folder = destination.resolvingSymlinksInPath().path
    return target == folder || target.hasPrefix(folder + "/")
  }
}
