import Foundation

/// What a run of the built `survey-pipe` binary printed and returned.
public struct ProcessOutput: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
}

/// Runs the `survey-pipe` executable built next to the test bundle.
public enum SurveyPipeBinary {
  /// The binary in the build products folder.
  public static var url: URL {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    // `swift test` runs `<products>/survey-pipePackageTests.xctest`; on macOS inside a bundle.
    while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("survey-pipe").path),
      folder.path != "/"
    {
      folder.deleteLastPathComponent()
    }
    return folder.appendingPathComponent("survey-pipe")
  }

  /// Runs the binary with `arguments` in `directory` and waits for it.
  public static func run(_ arguments: [String], in directory: String? = nil) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    // Output goes to files, so a chatty run never blocks on a full pipe.
    let folder = try TemporaryDirectory("survey-pipe-run")
    let outURL = folder.url.appendingPathComponent("stdout")
    let errURL = folder.url.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return ProcessOutput(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }
}

/// A `survey-pipe` process started in the background, its output going to files.
public final class RunningBinary {
  public let process: Process
  private let folder: TemporaryDirectory
  private let outURL: URL
  private let errURL: URL

  /// Starts the binary with `arguments`.
  public init(_ arguments: [String]) throws {
    process = Process()
    process.executableURL = SurveyPipeBinary.url
    process.arguments = arguments
    folder = try TemporaryDirectory("survey-pipe-background")
    outURL = folder.url.appendingPathComponent("stdout")
    errURL = folder.url.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    try process.run()
  }

  /// The process id.
  public var pid: Int32 { process.processIdentifier }

  /// What the process has written to standard error so far.
  public var stderr: String {
    String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
  }

  /// Waits for the process to end and returns what it printed and its exit status.
  public func wait() -> ProcessOutput {
    process.waitUntilExit()
    return ProcessOutput(
      status: process.terminationStatus,
      stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self), stderr: stderr)
  }
}
