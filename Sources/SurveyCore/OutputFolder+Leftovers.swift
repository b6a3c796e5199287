import Foundation

/// What killed runs leave beside a run folder: `.NAME.partial-PID` (a staging folder, or after the
/// exchange the old run folder about to be deleted) and `.NAME.previous-PID` (the old run folder,
/// moved aside where names cannot be exchanged). Only folders, only with a process id after the
/// dash. They are leftovers as soon as this process holds the folder's lock: every run into the
/// folder holds it for as long as its own hidden folders are in use.
extension OutputFolder {
  /// The leftover folders beside `destination`, sorted by name.
  static func leftovers(of destination: URL, kinds: [String] = ["partial", "previous"]) -> [URL] {
    let parent = destination.deletingLastPathComponent()
    let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
    let prefixes = kinds.map { ".\(destination.lastPathComponent).\($0)-" }
    return names.sorted().compactMap { name in
      guard let prefix = prefixes.first(where: { name.hasPrefix($0) }) else { return nil }
      let process = name.dropFirst(prefix.count)
      guard !process.isEmpty, process.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
      let url = parent.appendingPathComponent(name)
      return Self.entryKind(url.path) == .folder ? url : nil
    }
  }

  /// Deletes the leftover folders and says how many and how large they were.
  func removeDebris(notify: (String) -> Void) {
    var removed = 0
    var bytes: Int64 = 0
    var kept: [String] = []
    for folder in Self.leftovers(of: destination) {
      let size = Self.size(of: folder)
      if (try? FileManager.default.removeItem(at: folder)) != nil {
        removed += 1
        bytes += size
      } else {
        kept.append(folder.lastPathComponent)
      }
    }
    if removed > 0 {
      notify(
        "removed \(removed) folder\(removed == 1 ? "" : "s") left by interrupted runs into \(displayPath) "
          + "(\(Self.formatted(bytes: bytes)))")
    }
    if !kept.isEmpty {
      notify("could not remove \(kept.joined(separator: ", ")), left by interrupted runs into \(displayPath)")
    }
  }

  /// Puts back a run folder that a run killed between its two renames left as
  /// `.NAME.previous-PID` (only where names cannot be exchanged), when the run folder is missing.
  func restoreInterrupted(notify: (String) -> Void) {
    guard Self.entryKind(destination.path) == nil else { return }
    let candidates = Self.leftovers(of: destination, kinds: ["previous"]).filter {
      Self.entryKind($0.appendingPathComponent("run.json").path) == .file
    }
    let newest = candidates.max { Self.modified($0) < Self.modified($1) }
    guard let newest, rename(newest.path, destination.path) == 0 else { return }
    notify("put back \(displayPath) from \(newest.lastPathComponent), where an interrupted run had moved it")
  }

  /// The bytes of the regular files under `folder` (symbolic links not followed).
  static func size(of folder: URL) -> Int64 {
    var total: Int64 = 0
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    for name in names {
      let url = folder.appendingPathComponent(name)
      switch entryKind(url.path) {
      case .folder: total += size(of: url)
      case .file: total += (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int64).flatMap { $0 } ?? 0
      default: break
      }
    }
    return total
  }

  /// `1.2 kB`, `475.3 MB`, `2.0 GB` (powers of 1000), or `512 bytes`.
  static func formatted(bytes: Int64) -> String {
    let units = ["kB", "MB", "GB", "TB"]
    guard bytes >= 1000 else { return "\(bytes) byte\(bytes == 1 ? "" : "s")" }
    var value = Double(bytes) / 1000
    var unit = 0
    while value >= 999.95, unit < units.count - 1 {
      value /= 1000
      unit += 1
    }
    return String(format: "%.1f", value) + " " + units[unit]
  }

  private static func modified(_ url: URL) -> Date {
    (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date).flatMap { $0 } ?? .distantPast
  }
}
