import Dispatch
import Synchronization

/// Passes the two sinks of a ``RecordReader`` between the parsing thread and the converting
/// thread: the parser fills a free sink and submits it; the converter takes submitted sinks in
/// order and releases them when converted.
///
/// `@unchecked Sendable`: it holds raw pointers (not `Sendable`), which never change; the
/// queues of them live in a `Mutex`; the semaphores are thread-safe. A sink is used by one
/// thread at a time: the parser between `acquire` and `submit`, the converter between
/// `nextFilled` and `release`, and the semaphores order those hand-overs.
final class ChunkHandoff: @unchecked Sendable {
  private let sinks: UnsafeMutablePointer<FieldSink>
  // Semaphores start at 0 and are signalled up: libdispatch refuses to free a semaphore whose
  // count is below its starting value, which the last acquired sink would leave.
  private let free = DispatchSemaphore(value: 0)
  private let filled = DispatchSemaphore(value: 0)
  private let state: Mutex<Queues>

  /// Sinks filled and waiting for the converter, and sinks free for the parser.
  private struct Queues: @unchecked Sendable {
    // `@unchecked Sendable`: raw pointers to the two sinks, only ever used under the mutex and
    // handed to one thread at a time as described on `ChunkHandoff`.
    var filled: [UnsafeMutablePointer<FieldSink>] = []
    var available: [UnsafeMutablePointer<FieldSink>]
  }

  init(sinks: UnsafeMutablePointer<FieldSink>) {
    self.sinks = sinks
    state = Mutex(Queues(available: [sinks, sinks + 1]))
    free.signal()
    free.signal()
  }

  /// A free sink to fill (waits while both are with the converter).
  func acquire() -> UnsafeMutablePointer<FieldSink> {
    free.wait()
    return state.withLock { $0.available.removeFirst() }
  }

  /// Hands a filled sink to the converter.
  func submit(_ sink: UnsafeMutablePointer<FieldSink>) {
    state.withLock { $0.filled.append(sink) }
    filled.signal()
  }

  /// The next filled sink, or nil once the parser has finished and every sink is converted.
  func nextFilled() -> UnsafeMutablePointer<FieldSink>? {
    filled.wait()
    return state.withLock { $0.filled.isEmpty ? nil : $0.filled.removeFirst() }
  }

  /// Gives a converted (and emptied) sink back to the parser.
  func release(_ sink: UnsafeMutablePointer<FieldSink>) {
    state.withLock { $0.available.append(sink) }
    free.signal()
  }

  /// No more sinks will be submitted: wakes the converter to stop.
  func finish() {
    filled.signal()
  }
}
