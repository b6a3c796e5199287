import Foundation

/// Where the fuzz targets find their fixtures, seeds and regression inputs.
///
/// The repository is found from this source file's path, so the executables and tests work from
/// a checkout (which is where fuzzing runs), wherever the current folder is.
public enum FuzzInputs {
  /// The repository root.
  public static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `<repo>/<relative>`.
  public static func path(_ relative: String) -> String {
    repository.appendingPathComponent(relative).path
  }

  /// `fixtures/fuzz/<target>/<kind>`: `seeds` (the starting corpus) or `regressions` (every
  /// input that ever broke the target, kept so it never does again).
  public static func folder(_ target: String, _ kind: String) -> String {
    path("fixtures/fuzz/\(target)/\(kind)")
  }

  /// The regular files at `path` (itself, or the files in the folder and its subfolders), sorted;
  /// hidden files are skipped.
  public static func files(at path: String) -> [String] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return [] }
    guard isFolder.boolValue else { return [path] }
    let base = URL(fileURLWithPath: path)
    guard
      let walker = FileManager.default.enumerator(
        at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
    else { return [] }
    var files: [String] = []
    for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
      files.append(url.path)
    }
    return files.sorted()
  }
}
