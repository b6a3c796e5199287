#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// What the destination holds, and whether a run may replace it.
extension OutputFolder {
  /// What a path names, without following a symbolic link at its end.
  enum EntryKind: Equatable {
    case folder, file, other
  }

  /// The kind of the entry at `path`, or nil when there is none.
  static func entryKind(_ path: String) -> EntryKind? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: return .folder
    case S_IFREG, S_IFLNK: return .file
    default: return .other
    }
  }

  /// Throws unless `path` is absent, an empty folder, or a folder with a `run.json` (an earlier
  /// run folder): the quick check, before the lock is taken and before anything else is said
  /// about the folder. (The initializer checks again, and what the folder holds.)
  ///
  /// - Throws: ``CoreError/unwritableOutput(path:reason:)``.
  public static func checkKind(of path: String) throws {
    let url = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
    guard let kind = entryKind(url.path) else { return }
    guard kind == .folder else {
      throw CoreError.unwritableOutput(path: path, reason: "it is a file, not a run folder; choose another output folder")
    }
    let contents = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    guard !contents.isEmpty, !contents.contains("run.json") else { return }
    throw CoreError.unwritableOutput(
      path: path,
      reason: "the folder holds files and is not a survey-pipe run folder (it has no run.json); runs replace their output folder, so choose another")
  }

  /// Throws unless the destination is absent, empty, or an earlier run folder holding only
  /// entries its layout names. Nothing is deleted here.
  func checkDestination() throws {
    try Self.checkKind(of: displayPath)
    guard Self.entryKind(destination.path) == .folder else { return }
    let foreign = foreignEntries()
    guard !foreign.isEmpty else { return }
    let shown = foreign.prefix(5).joined(separator: ", ") + (foreign.count > 5 ? " and \(foreign.count - 5) more" : "")
    let them = foreign.count == 1 ? "it" : "them"
    throw CoreError.unwritableOutput(
      path: displayPath,
      reason: "it holds \(shown), which survey-pipe did not write; a run replaces the whole folder, "
        + "so move \(them) elsewhere first (or choose another output folder)")
  }

  /// The destination's entries that the layout does not name (folders with a trailing `/`),
  /// sorted. A folder that cannot be read counts as foreign: what cannot be listed is not
  /// deleted.
  func foreignEntries() -> [String] {
    var foreign: [String] = []
    func visit(_ relative: String) {
      let folder = relative.isEmpty ? destination : destination.appendingPathComponent(relative)
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
        foreign.append(relative + "/")
        return
      }
      for name in names.sorted() {
        let path = relative.isEmpty ? name : relative + "/" + name
        let kind = Self.entryKind(folder.appendingPathComponent(name).path)
        if kind == .folder {
          if layout(path, true) { visit(path) } else { foreign.append(path + "/") }
        } else if kind != .file || !layout(path, false) {
          foreign.append(path)
        }
      }
    }
    visit("")
    return foreign
  }
}
