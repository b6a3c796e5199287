import Foundation
import Testing
import _SurveyTestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// End-to-end: what killed and concurrent runs leave, and files a user put into the run folder.
@Suite("survey-pipe run: the run folder under kills, concurrent runs and user files", .serialized)
struct RunFolderTests {
  static let pipeline = Fixtures.repoPath("pipelines/moldova-migrant-health.yml")

  /// Every regular file under `folder` with its bytes.
  static func contents(of folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for path in try RunTests.files(in: folder) { files[path] = try Data(contentsOf: folder.appendingPathComponent(path)) }
    return files
  }

  /// The hidden entries of `folder`.
  static func hidden(in folder: TemporaryDirectory) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }.sorted()
  }

  @Test("a folder a killed run left is deleted by the next run, which says how many and how large, even when quiet")
  func removesLeftovers() throws {
    let folder = try TemporaryDirectory("run-folder")
    let out = folder.url.appendingPathComponent("out").path
    try folder.write(".out.partial-99999999/tidy/survey.csv", String(repeating: "x", count: 2500))
    let result = try SurveyPipeBinary.run(["run", Self.pipeline, "--out", out, "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr == "survey-pipe: removed 1 folder left by interrupted runs into \(out) (2.5 kB)\n")
    #expect(try Self.hidden(in: folder) == [])
    #expect(FileManager.default.fileExists(atPath: out + "/run.json"))
  }

  @Test("a file a user put into the run folder makes the run refuse with exit 1, naming it; nothing is deleted")
  func refusesUserFile() throws {
    let folder = try TemporaryDirectory("run-folder")
    let out = folder.url.appendingPathComponent("out").path
    #expect(try SurveyPipeBinary.run(["run", Self.pipeline, "--out", out, "--quiet"]).status == 0)
    let before = try Self.contents(of: URL(fileURLWithPath: out))
    try folder.write("out/tables/my-notes.txt", "keep me")
    let result = try SurveyPipeBinary.run(["run", Self.pipeline, "--out", out, "--quiet"])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "\(out): cannot write: it holds tables/my-notes.txt, which survey-pipe did not write; a run replaces the whole "
          + "folder, so move it elsewhere first (or choose another output folder)"))
    var after = try Self.contents(of: URL(fileURLWithPath: out))
    #expect(after.removeValue(forKey: "tables/my-notes.txt") == Data("keep me".utf8))
    #expect(after == before)
    #expect(try Self.hidden(in: folder) == [])
  }

  @Test("a run into a folder whose lock is held waits, naming the holder's PID, and runs when it is let go")
  func waitsForHeldLock() throws {
    let folder = try TemporaryDirectory("run-folder")
    let out = folder.url.appendingPathComponent("out").path
    let lockPath = folder.path + "/.out.lock"
    let descriptor = open(lockPath, O_RDWR | O_CREAT, 0o644)
    #expect(flock(descriptor, LOCK_EX) == 0)
    let pid = "\(getpid())\n"
    _ = pid.withCString { write(descriptor, $0, strlen($0)) }
    let run = try RunningBinary(["run", Self.pipeline, "--out", out, "--quiet"])
    let waiting = "survey-pipe: waiting for run PID \(getpid()), which is writing \(out)\n"
    #expect(eventually(within: 20) { run.stderr == waiting }, "\(run.stderr)")
    usleep(300_000)
    #expect(run.process.isRunning)
    #expect(!FileManager.default.fileExists(atPath: out))
    unlink(lockPath)
    close(descriptor)
    let result = run.wait()
    #expect(result.status == 0)
    #expect(result.stderr == waiting)
    #expect(FileManager.default.fileExists(atPath: out + "/run.json"))
    #expect(try Self.hidden(in: folder) == [])
  }

  @Test("a stage command takes the run folder's lock too: it waits for the holder before touching the artifacts")
  func stageWaitsForHeldLock() throws {
    let folder = try TemporaryDirectory("run-folder")
    let out = folder.url.appendingPathComponent("out").path
    let lockPath = folder.path + "/.out.lock"
    let descriptor = open(lockPath, O_RDWR | O_CREAT, 0o644)
    #expect(flock(descriptor, LOCK_EX) == 0)
    let pid = "\(getpid())\n"
    _ = pid.withCString { write(descriptor, $0, strlen($0)) }
    let stage = try RunningBinary(["ingest", Self.pipeline, "--out", out, "--quiet"])
    let waiting = "survey-pipe: waiting for run PID \(getpid()), which is writing \(out)\n"
    #expect(eventually(within: 20) { stage.stderr == waiting }, "\(stage.stderr)")
    usleep(300_000)
    #expect(stage.process.isRunning)
    #expect(!FileManager.default.fileExists(atPath: out + ".stages/ingest.artifact"))
    unlink(lockPath)
    close(descriptor)
    let result = stage.wait()
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: out + ".stages/ingest.artifact"))
    #expect(!FileManager.default.fileExists(atPath: lockPath))
  }

  /// A synthetic survey in `folder/synth` big enough that a debug build takes a second or more to run it.
  static func bigPipeline(in folder: TemporaryDirectory) throws -> String {
    let synth = try SurveyPipeBinary.run(["synth", "--rows", "8000", "--out", folder.path + "/synth"])
    #expect(synth.status == 0, "\(synth.stderr)")
    return folder.path + "/synth/pipeline.yml"
  }

  @Test("two runs into one folder at once: the second waits for the first, saying so; both succeed")
  func twoRuns() throws {
    let folder = try TemporaryDirectory("run-folder")
    let pipeline = try Self.bigPipeline(in: folder)
    let out = folder.url.appendingPathComponent("run").path
    let first = try RunningBinary(["run", pipeline, "--out", out, "--quiet"])
    #expect(eventually(within: 20) { FileManager.default.fileExists(atPath: folder.path + "/.run.partial-\(first.pid)") })
    let second = try RunningBinary(["run", pipeline, "--out", out, "--quiet"])
    let firstResult = first.wait()
    let secondResult = second.wait()
    #expect(firstResult.status == 0, "\(firstResult.stderr)")
    #expect(secondResult.status == 0, "\(secondResult.stderr)")
    #expect(secondResult.stderr == "survey-pipe: waiting for run PID \(first.pid), which is writing \(out)\n")
    #expect(FileManager.default.fileExists(atPath: out + "/tidy/survey.csv"))
    #expect(try Self.hidden(in: folder) == [])
  }

  @Test("a run killed mid-way leaves the previous run folder whole; the next run deletes what it left")
  func killedRun() throws {
    let folder = try TemporaryDirectory("run-folder")
    let pipeline = try Self.bigPipeline(in: folder)
    let out = folder.url.appendingPathComponent("run").path
    let first = try SurveyPipeBinary.run(["run", pipeline, "--out", out, "--quiet"])
    #expect(first.status == 0, "\(first.stderr)")
    let before = try Self.contents(of: URL(fileURLWithPath: out))
    let run = try RunningBinary(["run", pipeline, "--out", out, "--quiet"])
    let partial = folder.path + "/.run.partial-\(run.pid)"
    #expect(eventually(within: 20) { FileManager.default.fileExists(atPath: partial) })
    usleep(200_000)
    #expect(run.process.isRunning, "the run ended before it could be killed: make the input bigger")
    kill(run.pid, SIGKILL)
    let killed = run.wait()
    #expect(killed.status == SIGKILL)
    #expect(run.process.terminationReason == .uncaughtSignal)
    #expect(try Self.contents(of: URL(fileURLWithPath: out)) == before)
    #expect(FileManager.default.fileExists(atPath: partial))
    let next = try SurveyPipeBinary.run(["run", pipeline, "--out", out, "--quiet"])
    #expect(next.status == 0, "\(next.stderr)")
    #expect(next.stderr.hasPrefix("survey-pipe: removed 1 folder left by interrupted runs into \(out) ("))
    #expect(try Self.hidden(in: folder) == [])
  }
}
