import Dispatch
import Foundation
import Synchronization

/// Long-running work that blocks (a parser waiting for its converter, a converter waiting for
/// chunks), each piece on a thread of its own, with a way to wait for all of them.
///
/// Not Dispatch's global queue: it runs as many blocks at once as there are cores, so with a
/// parser, its converter and a second part's pair queued on two cores, a block that waits on
/// another one still queued holds a worker idle until that one gets a turn. Threads of their
/// own let the kernel share the cores among all of them.
final class WorkerThreads: Sendable {
  private let group = DispatchGroup()

  /// Starts `body` on a new thread.
  func start(_ body: @escaping @Sendable () -> Void) {
    group.enter()
    let thread = Thread { [group] in
      body()
      group.leave()
    }
    thread.start()
  }

  /// Waits until every body started so far has returned.
  func wait() {
    group.wait()
  }
}

/// A value computed on another thread: written once there, read after waiting for it.
final class ThreadResult<Value: Sendable>: Sendable {
  private let stored = Mutex<Value?>(nil)

  func set(_ value: Value) { stored.withLock { $0 = value } }

  var value: Value? { stored.withLock { $0 } }
}
