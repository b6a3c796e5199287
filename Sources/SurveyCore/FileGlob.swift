#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Shell-style file name patterns (`batches/*.csv`).
public enum FileGlob {
  /// The last component of `path`: how logs name a file (the full path goes to run.json).
  public static func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// The files matching `pattern`, sorted by path; a pattern without wildcards matches itself
  /// whether or not the file exists (so that reading it reports a clear error).
  public static func expand(_ pattern: String) -> [String] {
    guard pattern.contains(where: { "*?[".contains($0) }) else { return [pattern] }
    var result = glob_t()
    defer { globfree(&result) }
    guard glob(pattern, 0, nil, &result) == 0 else { return [] }
    var paths: [String] = []
    for i in 0..<Int(result.gl_pathc) {
      if let cString = result.gl_pathv[i] { paths.append(String(cString: cString)) }
    }
    return paths.sorted()
  }

  /// `path` resolved against `directory` unless it is absolute.
  public static func resolve(_ path: String, against directory: String) -> String {
    if path.hasPrefix("/") || directory.isEmpty { return path }
    return directory.hasSuffix("/") ? directory + path : directory + "/" + path
  }
}
