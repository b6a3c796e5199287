import Foundation
import Testing
import _SurveyTestSupport

@testable import SurveyCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("OutputFolder: run folders written whole, one run at a time, nothing foreign deleted", .serialized)
struct OutputFolderTests {
  /// Owns `run.json`, `a.txt` and `sub/b.txt`.
  static func layout(_ path: String, _ isFolder: Bool) -> Bool {
    isFolder ? path == "sub" : ["run.json", "a.txt", "sub/b.txt"].contains(path)
  }

  /// Writes a run folder at `path` holding `files` (name → text) through an `OutputFolder`.
  @discardableResult
  static func run(_ path: String, _ files: [String: String], notices: SharedLines = SharedLines()) throws -> SharedLines {
    let folder = try OutputFolder(path: path, layout: layout, notify: notices.add)
    for (name, text) in files { try folder.write(name, text: text) }
    try folder.commit()
    return notices
  }

  /// The names in `folder` that start with `prefix`.
  static func names(in folder: TemporaryDirectory, prefix: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(prefix) }.sorted()
  }

  @Test("a new run folder appears whole, with no hidden folder or lock file left beside it")
  func newFolder() throws {
    let temporary = try TemporaryDirectory("output-folder")
    let out = temporary.url.appendingPathComponent("deep/out").path
    let notices = try Self.run(out, ["run.json": "{}", "sub/b.txt": "b"])
    #expect(try String(contentsOfFile: out + "/sub/b.txt", encoding: .utf8) == "b")
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path + "/deep") == ["out"])
    #expect(notices.all.isEmpty)
  }

  @Test("an earlier run folder is replaced: its files go, the new ones are there, nothing is left beside it")
  func replaces() throws {
    let temporary = try TemporaryDirectory("output-folder")
    let out = temporary.url.appendingPathComponent("out").path
    try Self.run(out, ["run.json": "1", "a.txt": "old"])
    try Self.run(out, ["run.json": "2", "sub/b.txt": "new"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["run.json", "sub"])
    #expect(try String(contentsOfFile: out + "/run.json", encoding: .utf8) == "2")
    #expect(try Self.names(in: temporary, prefix: ".") == [])
  }

  @Test("the run folder's path names a folder at every instant of 100 replacements")
  func neverMissing() throws {
    let temporary = try TemporaryDirectory("output-folder")
    let out = temporary.url.appendingPathComponent("out").path
    try Self.run(out, ["run.json": "0"])
    let missing = SharedCounter()
    let done = SharedCounter()
    let watcher = Thread {
      while done.value == 0 {
        if OutputFolder.entryKind(out) != .folder { missing.increment() }
      }
    }
    watcher.start()
    for index in 1...100 { try Self.run(out, ["run.json": "\(index)"]) }
    done.increment()
    #expect(missing.value == 0)
    #expect(try String(contentsOfFile: out + "/run.json", encoding: .utf8) == "100")
  }

  @Test("where names cannot be exchanged, two renames replace the folder and leave nothing beside it")
  func twoRenames() throws {
    let temporary = try TemporaryDirectory("output-folder")
    let out = temporary.url.appendingPathComponent("out").path
    try Self.run(out, ["run.json": "1", "a.txt": "old"])
    do {
      let folder = try OutputFolder(path: out, layout: Self.layout, notify: { _ in })
      try folder.write("run.json", text: "2")
      try folder.replaceByTwoRenames()
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["run.json"])
    #expect(try temporary.read("out/run.json") == "2")
    #expect(try Self.names(in: temporary, prefix: ".") == [])
  }

  @Test("a failed run leaves the previous folder whole and nothing beside it")
  func failedRun() throws {
    let temporary = try TemporaryDirectory("output-folder")
    let out = temporary.url.appendingPathComponent("out").path
    try Self.run(out, ["run.json": "1", "a.txt": "old"])
    do {
      let folder = try OutputFolder(path: out, layout: Self.layout, notify: { _ in })
      try folder.write("a.txt", text: "half")
      #expect(FileManager.default.fileExists(atPath: folder.staging.path))
    }
    #expect(try String(contentsOfFile: out + "/a.txt", encoding: .utf8) == "old")
    #expect(try Self.names(in: temporary, prefix: ".") == [])
  }

  @Test("folders that killed runs left are deleted, counted and measured; look-alikes are kept")
  func leftovers() throws {
    let temporary = try TemporaryDirectory("output-folder")
    let out = temporary.url.appendingPathComponent("out").path
    try Self.run(out, ["run.json": "1"])
    try temporary.write(".out.partial-99999999/tidy/survey.csv", String(repeating: "x", count: 1500))
    try temporary.write(".out.partial-99999999/run.json", "{}")
    try temporary.write(".out.previous-12/run.json", String(repeating: "y", count: 500))
    try temporary.write(".out.partial-notes/keep", "mine")
    try temporary.write(".out.partial-77", "a file, not a folder")
    try temporary.write(".other.partial-5/keep", "another run folder's")
    let notices = try Self.run(out, ["run.json": "2"])
    #expect(notices.all == ["removed 2 folders left by interrupted runs into \(out) (2.0 kB)"])
    #expect(try Self.names(in: temporary, prefix: ".") == [".other.partial-5", ".out.partial-77", ".out.partial-notes"])
  }

  @Test("a run waits for the run holding the lock, says for whom, and keeps that run's folders meanwhile")
  func waitsForLock() throws {
    let temporary = try TemporaryDirectory("output-folder")
    let out = temporary.url.appendingPathComponent("out").path
    try temporary.write(".out.partial-4242/run.json", "a live run's")
    let lockPath = temporary.path + "/.out.lock"
    let descriptor = open(lockPath, O_RDWR | O_CREAT, 0o644)
    #expect(flock(descriptor, LOCK_EX) == 0)
    _ = "4242\n".withCString { write(descriptor, $0, 5) }
    let notices = SharedLines()
    let finished = SharedCounter()
    let second = Thread {
      _ = try? Self.run(out, ["run.json": "second"], notices: notices)
      finished.increment()
    }
    second.start()
    #expect(eventually(within: 10) { !notices.all.isEmpty })
    #expect(notices.all == ["waiting for run PID 4242, which is writing \(out)"])
    usleep(200_000)
    #expect(finished.value == 0)
    #expect(FileManager.default.fileExists(atPath: temporary.path + "/.out.partial-4242"))
    // The holder lets go as a run does: the file goes first.
    unlink(lockPath)
    close(descriptor)
    #expect(eventually(within: 10) { finished.value == 1 })
    #expect(try String(contentsOfFile: out + "/run.json", encoding: .utf8) == "second")
    #expect(notices.all.last == "removed 1 folder left by interrupted runs into \(out) (12 bytes)")
    #expect(try Self.names(in: temporary, prefix: ".") == [])
  }

  @Test("a file the run did not write is never deleted: refused at the start, naming it")
  func foreignFileAtStart() throws {
    let temporary = try TemporaryDirectory("output-folder")
    let out = temporary.url.appendingPathComponent("out").path
    try Self.run(out, ["run.json": "1", "sub/b.txt": "b"])
    try temporary.write("out/notes.txt", "mine")
    try temporary.write("out/sub/more.txt", "mine too")
    let error = #expect(throws: CoreError.self) { try Self.run(out, ["run.json": "2"]) }
    #expect(
      error?.localizedDescription == """
        \(out): cannot write: it holds notes.txt, sub/more.txt, which survey-pipe did not write; a run replaces \
        the whole folder, so move them elsewhere first (or choose another output folder)
        """)
    #expect(try temporary.read("out/notes.txt") == "mine")
    #expect(try temporary.read("out/run.json") == "1")
    #expect(try Self.names(in: temporary, prefix: ".") == [])
  }

  @Test("a file put into the run folder during the run stops the switch; the old folder stays whole")
  func foreignFileDuringRun() throws {
    let temporary = try TemporaryDirectory("output-folder")
    let out = temporary.url.appendingPathComponent("out").path
    try Self.run(out, ["run.json": "1"])
    do {
      let folder = try OutputFolder(path: out, layout: Self.layout, notify: { _ in })
      try folder.write("run.json", text: "2")
      try temporary.write("out/extra/thesis.docx", "chapter 1")
      #expect(throws: CoreError.self) { try folder.commit() }
    }
    #expect(try temporary.read("out/extra/thesis.docx") == "chapter 1")
    #expect(try temporary.read("out/run.json") == "1")
    #expect(try Self.names(in: temporary, prefix: ".") == [])
  }

  @Test("a folder without run.json and a file are refused as before; an empty folder is taken")
  func notRunFolders() throws {
    let temporary = try TemporaryDirectory("output-folder")
    try temporary.write("theirs/a.txt", "x")
    try temporary.write("file", "x")
    try FileManager.default.createDirectory(atPath: temporary.path + "/empty", withIntermediateDirectories: false)
    #expect(throws: CoreError.self) { try Self.run(temporary.path + "/theirs", ["run.json": "1"]) }
    #expect(throws: CoreError.self) { try Self.run(temporary.path + "/file", ["run.json": "1"]) }
    try Self.run(temporary.path + "/empty", ["run.json": "1"])
    #expect(try temporary.read("empty/run.json") == "1")
    #expect(try temporary.read("theirs/a.txt") == "x")
  }

  @Test("a run folder moved aside by a run killed between two renames is put back, then replaced")
  func restoresMovedAside() throws {
    let temporary = try TemporaryDirectory("output-folder")
    let out = temporary.url.appendingPathComponent("out").path
    try temporary.write(".out.previous-31/run.json", "old")
    try temporary.write(".out.previous-31/notes.txt", "mine")
    try temporary.write(".out.partial-31/run.json", "new, never committed")
    let notices = SharedLines()
    #expect(throws: CoreError.self) { try Self.run(out, ["run.json": "2"], notices: notices) }
    #expect(notices.all == ["put back \(out) from .out.previous-31, where an interrupted run had moved it"])
    #expect(try temporary.read("out/notes.txt") == "mine")
    try FileManager.default.removeItem(atPath: out + "/notes.txt")
    try Self.run(out, ["run.json": "2"])
    #expect(try temporary.read("out/run.json") == "2")
    #expect(try Self.names(in: temporary, prefix: ".") == [])
  }

  @Test("a symbolic link to a run folder stays a link; the folder it names is replaced")
  func symbolicLink() throws {
    let temporary = try TemporaryDirectory("output-folder")
    try Self.run(temporary.path + "/real/out", ["run.json": "1"])
    try FileManager.default.createSymbolicLink(atPath: temporary.path + "/link", withDestinationPath: temporary.path + "/real/out")
    try Self.run(temporary.path + "/link", ["run.json": "2"])
    #expect(OutputFolder.entryKind(temporary.path + "/link") == .file)
    #expect(try temporary.read("real/out/run.json") == "2")
  }

  @Test("sizes are written in powers of 1000 with one decimal")
  func sizes() {
    #expect(OutputFolder.formatted(bytes: 1) == "1 byte")
    #expect(OutputFolder.formatted(bytes: 999) == "999 bytes")
    #expect(OutputFolder.formatted(bytes: 1500) == "1.5 kB")
    #expect(OutputFolder.formatted(bytes: 475_300_000) == "475.3 MB")
    #expect(OutputFolder.formatted(bytes: 999_990_000) == "1.0 GB")
  }
}
