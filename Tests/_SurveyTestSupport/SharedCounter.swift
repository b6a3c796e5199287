import Foundation

/// A counter that several threads bump and read.
public final class SharedCounter: @unchecked Sendable {
  // `@unchecked Sendable`: `count` is only touched under `lock`.
  private let lock = NSLock()
  private var count = 0

  public init() {}

  public func increment() { lock.withLock { count += 1 } }
  public var value: Int { lock.withLock { count } }
}
