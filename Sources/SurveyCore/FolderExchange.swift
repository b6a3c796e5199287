// Unsafe code, and why: Glibc's Swift module hides `renameat2` (declared only under
// `_GNU_SOURCE`) and `syscall` is variadic, which Swift cannot call. The function is looked up by
// name with `dlsym` and called through a C function type with its exact prototype; this file is the
// only place that does so.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Swaps two paths in one step: the kernel exchanges the names, so each path names a folder at
/// every instant.
enum FolderExchange {
  /// What an exchange did.
  enum Outcome: Equatable {
    case exchanged
    /// The system or the file system cannot exchange names (nothing changed).
    case unsupported
    /// The exchange failed for another reason (nothing changed), with `errno`.
    case failed(Int32)
  }

  /// Exchanges the names `a` and `b`; both must exist.
  static func exchange(_ a: String, _ b: String) -> Outcome {
    #if canImport(Darwin)
      if renamex_np(a, b, UInt32(RENAME_SWAP)) == 0 { return .exchanged }
      let code = errno
      return code == ENOTSUP || code == EINVAL ? .unsupported : .failed(code)
    #else
      guard let renameat2 = Self.renameat2 else { return .unsupported }
      if renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 { return .exchanged }
      let code = errno
      // EINVAL: the file system has no exchange (FUSE, NFS and others); ENOSYS: Linux before 3.15.
      return code == EINVAL || code == ENOSYS || code == EOPNOTSUPP ? .unsupported : .failed(code)
    #endif
  }

  #if !canImport(Darwin)
    /// `renameat2(2)`'s prototype.
    private typealias Renameat2 = @convention(c) (
      Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
    ) -> Int32

    /// `RENAME_EXCHANGE` from `<linux/fs.h>` (not visible to Swift either).
    private static let renameExchange: UInt32 = 1 << 1

    /// The C library's `renameat2` (glibc 2.28 and later), or nil where it has none.
    private static let renameat2: Renameat2? = {
      guard let symbol = dlsym(nil, "renameat2") else { return nil }
      return unsafeBitCast(symbol, to: Renameat2.self)
    }()
  #endif
}
