import Dispatch

/// Runs independent pieces of work on every core and collects their results in order.
public enum Parallel {
  /// `body(0) … body(count - 1)`, run concurrently; the results in index order.
  ///
  /// - Throws: the error of the lowest index that failed (every piece still runs).
  public static func map<T>(_ count: Int, _ body: (Int) throws -> T) throws -> [T] {
    guard count > 1 else { return try (0..<count).map(body) }
    let slots = Slots<T>(count)
    withoutActuallyEscaping(body) { body in
      let work = UncheckedBox(body)
      DispatchQueue.concurrentPerform(iterations: count) { index in
        slots.set(index, Result { try work.value(index) })
      }
    }
    return try slots.results().map { try $0.get() }
  }

  /// `body(0) … body(count - 1)`, run concurrently, for work that cannot fail.
  public static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
    // A non-throwing closure never fails: the throwing version cannot throw here.
    try! map(count) { (index: Int) throws -> T in body(index) }
  }
}

/// One result slot per piece of work; each slot is written by exactly one thread.
///
/// `@unchecked Sendable`: the pointer and count never change after `init`; slot `index` is
/// written only by the work item `index` of `concurrentPerform`, so no two threads touch one
/// slot, and `results()` reads them after `concurrentPerform` has returned (it waits for every
/// item), which orders the writes before the reads.
private final class Slots<T>: @unchecked Sendable {
  private let values: UnsafeMutablePointer<Result<T, Error>?>
  private let count: Int

  init(_ count: Int) {
    self.count = count
    values = .allocate(capacity: count)
    values.initialize(repeating: nil, count: count)
  }

  deinit {
    values.deinitialize(count: count)
    values.deallocate()
  }

  /// Writes slot `index`; distinct threads write distinct slots.
  func set(_ index: Int, _ value: Result<T, Error>) {
    values[index] = value
  }

  func results() -> [Result<T, Error>] { (0..<count).map { values[$0]! } }
}

/// Hands a non-Sendable closure to `concurrentPerform`, whose threads finish before it returns.
///
/// `@unchecked Sendable`: the box is immutable and lives only for the `concurrentPerform` call;
/// the closure it holds is the caller's `body`, which `Parallel.map` documents as run
/// concurrently (callers pass closures that read shared values and return results, writing
/// nothing shared).
private struct UncheckedBox<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
