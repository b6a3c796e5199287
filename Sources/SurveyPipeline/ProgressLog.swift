import Foundation

/// Progress lines on standard error, each with the stage's wall time, so long runs show where
/// they are and batch runs keep a readable trace.
public struct ProgressLog: Sendable {
  public var quiet: Bool

  public init(quiet: Bool) {
    self.quiet = quiet
  }

  /// Prints `message` for `stage`.
  public func note(_ stage: String, _ message: String) {
    guard !quiet else { return }
    let padded = stage.padding(toLength: 9, withPad: " ", startingAt: 0)
    FileHandle.standardError.write(Data("\(padded) \(message)\n".utf8))
  }

  /// Prints `message` as `survey-pipe: message`, even when quiet: what the run did besides its
  /// stages (waiting for another run, deleting what killed runs left).
  public func notice(_ message: String) {
    FileHandle.standardError.write(Data("survey-pipe: \(message)\n".utf8))
  }

  /// Runs `body`, then prints its message with the seconds it took.
  func time<T>(_ stage: String, _ body: () throws -> T, message: (T) -> String) rethrows -> (T, Double) {
    let started = Date()
    let value = try body()
    let seconds = Date().timeIntervalSince(started)
    note(stage, "\(message(value)) (\(String(format: "%.2f", seconds)) s)")
    return (value, seconds)
  }
}
