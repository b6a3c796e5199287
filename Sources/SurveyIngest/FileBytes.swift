#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads whole files into memory with POSIX calls, turning `errno` into a readable reason.
enum FileBytes {
  /// Refuses what is not a regular file (a named pipe, a device, a folder) before reading a
  /// byte: opening is non-blocking, so a FIFO with no writer cannot hang the run.
  ///
  /// - Throws: ``IngestError/unreadable(path:reason:)``.
  static func read(_ path: String) throws -> [UInt8] {
    let (fd, info) = try openRegularFile(path)
    defer { close(fd) }
    let size = Int(info.st_size)
    var failure: Int32 = 0
    var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      var done = 0
      while done < size {
        let n = systemRead(fd, buffer.baseAddress! + done, size - done)
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          break
        }
        if n == 0 { break }
        done += n
      }
      initialized = done
    }
    if failure != 0 { throw IngestError.unreadable(path: path, reason: String(cString: strerror(failure))) }
    // A file that grew while being read: take the rest too.
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress!, 65536) }
      if n <= 0 { break }
      bytes.append(contentsOf: chunk[0..<n])
    }
    return bytes
  }
}

/// Opens `path` for reading, refusing what is not a regular file (a named pipe, a device, a
/// folder) before reading a byte: opening is non-blocking, so a FIFO with no writer cannot hang
/// the run. The caller closes the descriptor.
///
/// - Throws: ``IngestError/unreadable(path:reason:)``.
func openRegularFile(_ path: String) throws -> (descriptor: Int32, info: stat) {
  let fd = open(path, O_RDONLY | O_NONBLOCK)
  guard fd >= 0 else { throw IngestError.unreadable(path: path, reason: String(cString: strerror(errno))) }
  var info = stat()
  guard fstat(fd, &info) == 0 else {
    let reason = String(cString: strerror(errno))
    close(fd)
    throw IngestError.unreadable(path: path, reason: reason)
  }
  guard (info.st_mode & S_IFMT) == S_IFREG else {
    close(fd)
    throw IngestError.unreadable(path: path, reason: "it is \(kind(info.st_mode)), not a regular file")
  }
  return (fd, info)
}

/// What a file that is not a regular file is, for the error message.
func kind(_ mode: mode_t) -> String {
  switch mode & S_IFMT {
  case S_IFDIR: return "a folder"
  case S_IFIFO: return "a named pipe"
  case S_IFCHR, S_IFBLK: return "a device"
  case S_IFSOCK: return "a socket"
  default: return "a special file"
  }
}

@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(fd, buffer, count)
}
