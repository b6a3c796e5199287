import Dispatch
import Synchronization

/// Runs independent pieces of work on every core and collects their results in order.
public enum Parallel {
  /// `body(0) … body(count - 1)`, run concurrently; the results in index order.
  ///
  /// `body` is `@Sendable`: the compiler checks that it captures only values safe to share
  /// between threads, so callers keep Swift 6's data-race checking.
  /// - Throws: the error of the lowest index that failed (every piece still runs).
  public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
    guard count > 1 else { return try (0..<count).map(body) }
    let slots = Mutex<[Result<T, Error>?]>(Array(repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: count) { index in
      let result = Result { try body(index) }
      slots.withLock { $0[index] = result }
    }
    return try slots.withLock { $0 }.map { try $0!.get() }
  }

  /// `body(0) … body(count - 1)`, run concurrently, for work that cannot fail.
  public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    // A non-throwing closure never fails: the throwing version cannot throw here.
    try! map(count) { (index: Int) throws -> T in body(index) }
  }
}
