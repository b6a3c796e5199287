import Foundation
import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyIngest

@Suite("Ingest: batch files mapped into memory")
struct FileContentsTests {
  @Test("a mapped file holds the file's bytes, and pages given back are read again from the file")
  func mappedBytes() throws {
    let folder = try TemporaryDirectory("mapped")
    // 3 MB of lines, so that whole pages lie inside the released range.
    let line = Array("R00001,Chișinău,30,\"a note, quoted\"\n".utf8)
    let bytes = (0..<80_000).flatMap { _ in line }
    let path = try folder.write("batch.csv", bytes: bytes)
    let contents = try FileContents.map(path)
    #expect(contents.bytes.count == bytes.count)
    #expect(Array(contents.bytes) == bytes)
    let base = UnsafeRawPointer(contents.bytes.baseAddress!)
    contents.release(base, base + bytes.count)
    #expect(Array(contents.bytes) == bytes)
    var behind = ReleaseBehind(contents, from: base)
    behind.reached(base + bytes.count)
    #expect(Array(contents.bytes[1000..<2000]) == Array(bytes[1000..<2000]))
  }

  @Test("an empty file is read, not mapped; a named pipe, a device and a folder are refused")
  func emptyAndSpecialFiles() throws {
    let folder = try TemporaryDirectory("special")
    let empty = try folder.write("empty.csv", bytes: [])
    #expect(try FileContents.map(empty).bytes.isEmpty)
    let fifo = folder.path + "/pipe.csv"
    #expect(mkfifo(fifo, 0o600) == 0)
    #expect(throws: IngestError.unreadable(path: fifo, reason: "it is a named pipe, not a regular file")) {
      _ = try FileContents.map(fifo)
    }
    #expect(throws: IngestError.unreadable(path: "/dev/zero", reason: "it is a device, not a regular file")) {
      _ = try FileContents.map("/dev/zero")
    }
    #expect(throws: IngestError.unreadable(path: folder.path, reason: "it is a folder, not a regular file")) {
      _ = try FileContents.map(folder.path)
    }
    #expect(throws: IngestError.unreadable(path: folder.path + "/missing.csv", reason: "No such file or directory")) {
      _ = try FileContents.map(folder.path + "/missing.csv")
    }
  }

  @Test("the UTF-8 check finds a CR anywhere, in the fast path and beside multi-byte letters")
  func carriageReturns() {
    for (text, expected) in [("abcdefgh\nijklmnop\n", false), ("abcdefgh\r\nijkl", true), ("ș\r", true), ("șșșșșșșșș", false)] {
      let scan = Array(text.utf8).withUnsafeBufferPointer { UTF8Scan($0) }
      #expect(scan.carriageReturns == expected, "\(text.debugDescription)")
    }
  }
}

@Suite("Ingest: a batch file that changes while it is read")
struct ChangedFileTests {
  @Test("a mapped file notices a new size or modification time; bytes held in memory never change")
  func changeIsNoticed() throws {
    let folder = try TemporaryDirectory("changed")
    let path = try folder.write("batch.csv", bytes: Array("respondent_id,age\nR1,30\n".utf8))
    let contents = try FileContents.map(path)
    #expect(!contents.changedSinceOpened())
    let handle = try #require(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(Data("R2,41\n".utf8))
    try handle.close()
    #expect(contents.changedSinceOpened())
    #expect(!FileContents(Array("a\n".utf8)).changedSinceOpened())
  }
}
