#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The folder `synth` writes into: created with its parents when missing.
enum OutputDirectory {
  /// Makes sure `path` is a folder, creating it (and its parents) if needed, as `mkdir -p`.
  ///
  /// - Throws: ``SynthError/unwritableDirectory(path:reason:)`` with the system's reason.
  static func prepare(_ path: String) throws {
    guard !path.isEmpty else {
      throw SynthError.unwritableDirectory(path: path, reason: "the path is empty")
    }
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      prefix += component
      if mkdir(prefix, 0o755) != 0 {
        let code = errno
        guard code == EEXIST else {
          throw SynthError.unwritableDirectory(path: path, reason: String(cString: strerror(code)))
        }
      }
      guard isDirectory(prefix) else {
        let reason = prefix == path || prefix == path + "/" ? "it exists and is not a folder" : "\(prefix) is not a folder"
        throw SynthError.unwritableDirectory(path: path, reason: reason)
      }
      prefix += "/"
    }
  }

  private static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }
}
