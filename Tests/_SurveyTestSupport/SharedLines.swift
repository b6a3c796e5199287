import Foundation

/// Lines collected from several threads (messages a callback received, for checks).
public final class SharedLines: @unchecked Sendable {
  // `@unchecked Sendable`: `lines` is only touched under `lock`.
  private let lock = NSLock()
  private var lines: [String] = []

  public init() {}

  public func add(_ line: String) { lock.withLock { lines.append(line) } }
  public var all: [String] { lock.withLock { lines } }
}
