#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// Temporary files written beside a final file (`.NAME.partial-PID`) and renamed over it when
/// complete, as `weight` and `synth` write their outputs: a killed process leaves one behind,
/// and the next process writing the same file removes it.
///
/// A leftover is removed only when no process with its id is alive, so a concurrent writer's
/// file is never touched; a reused id can only keep a leftover for longer, never remove a live one.
public enum PartialFiles {
  /// The temporary path this process writes `final` through.
  public static func path(for final: String) -> String {
    let url = URL(fileURLWithPath: final)
    return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())").path
  }

  /// Removes the leftovers of `final` whose process is gone; returns how many and their bytes.
  @discardableResult
  public static func removeLeftovers(of final: String) -> (count: Int, bytes: Int64) {
    let url = URL(fileURLWithPath: final)
    let folder = url.deletingLastPathComponent()
    let prefix = ".\(url.lastPathComponent).partial-"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return (0, 0) }
    var removed = (count: 0, bytes: Int64(0))
    for name in names where name.hasPrefix(prefix) {
      let digits = name.dropFirst(prefix.count)
      guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let pid = Int32(digits), pid != getpid(), !isAlive(pid)
      else { continue }
      let path = folder.appendingPathComponent(name).path
      var info = stat()
      guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
      if unlink(path) == 0 {
        removed.count += 1
        removed.bytes += Int64(info.st_size)
      }
    }
    return removed
  }

  /// A process with id `pid` exists (`kill(pid, 0)` succeeds or is refused for permission).
  static func isAlive(_ pid: Int32) -> Bool {
    pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
  }
}
