#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A pthread mutex (Foundation's `NSLock` without importing Foundation). The `Synchronization`
/// module's `Mutex` needs macOS 15, above the package's macOS 13.
///
/// `@unchecked Sendable`: its only state is the mutex, touched only through the pthread calls,
/// which are safe from any thread; the class keeps its address fixed.
final class NSLockLike: @unchecked Sendable {
  private var mutex = pthread_mutex_t()

  init() { pthread_mutex_init(&mutex, nil) }

  deinit { pthread_mutex_destroy(&mutex) }

  /// Runs `body` holding the lock.
  func locked<T>(_ body: () throws -> T) rethrows -> T {
    pthread_mutex_lock(&mutex)
    defer { pthread_mutex_unlock(&mutex) }
    return try body()
  }
}
