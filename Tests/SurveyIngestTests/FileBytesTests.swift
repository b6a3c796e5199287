import Foundation
import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyIngest

@Suite("Ingest: what is not a regular file, or not UTF-8/single-byte text")
struct FileBytesTests {
  @Test("a named pipe is refused at once instead of waiting for a writer")
  func namedPipe() throws {
    let folder = try TemporaryDirectory("fifo")
    let path = folder.path + "/batch.csv"
    #expect(mkfifo(path, 0o600) == 0)
    #expect(throws: IngestError.unreadable(path: path, reason: "it is a named pipe, not a regular file")) {
      _ = try FileBytes.read(path)
    }
  }

  @Test("a device and a folder are refused, named for what they are")
  func deviceAndFolder() throws {
    #expect(throws: IngestError.unreadable(path: "/dev/zero", reason: "it is a device, not a regular file")) {
      _ = try FileBytes.read("/dev/zero")
    }
    let folder = try TemporaryDirectory("dir")
    #expect(throws: IngestError.unreadable(path: folder.path, reason: "it is a folder, not a regular file")) {
      _ = try FileBytes.read(folder.path)
    }
  }

  @Test("bytes in memory read as the same file on disk would, with no file at the path")
  func contentsInMemory() throws {
    let bytes = Array("respondent_id,age,region\r\nR1,30,North\rR2,41,\"South\"\nR3,,East\n".utf8)
    let fromDisk = try ingest([("batch.csv", bytes)])
    let source = BatchSource(path: "/nonexistent/batch.csv", name: "batch.csv", read: ReadOptions(), contents: bytes)
    let inMemory = try Ingest.read([source], schema: IngestSchema(codebook: testCodebook))
    #expect(inMemory.table.rowCount == 3)
    #expect(inMemory.table.rowLine == fromDisk.table.rowLine)
    #expect(inMemory.findings.map(\.rule) == fromDisk.findings.map(\.rule))
    #expect(inMemory.batches[0].sha256 == fromDisk.batches[0].sha256)
    #expect(inMemory.batches[0].lines == fromDisk.batches[0].lines)
  }

  static let wideFiles: [(String, [UInt8])] = [
    ("UTF-16LE", [0xFF, 0xFE] + utf16("id,age\n1,30\n", bigEndian: false)),
    ("UTF-16BE", [0xFE, 0xFF] + utf16("id,age\n1,30\n", bigEndian: true)),
    ("UTF-16LE (no byte-order mark)", utf16("respondent_id,age\nR1,30\n", bigEndian: false)),
    ("UTF-16BE (no byte-order mark)", utf16("respondent_id,age\nR1,30\n", bigEndian: true)),
    ("UTF-32LE", [0xFF, 0xFE, 0x00, 0x00, 0x61, 0, 0, 0]),
    ("UTF-32LE (no byte-order mark)", Array("respondent_id,age\n".unicodeScalars.flatMap { [UInt8($0.value), 0, 0, 0] })),
  ]

  @Test("UTF-16 and UTF-32 are named, with or without a byte-order mark", arguments: wideFiles)
  func wideEncodings(name: String, bytes: [UInt8]) throws {
    #expect(TextDecoder.wideEncoding(bytes) == name)
    #expect(throws: IngestError.unsupportedEncoding(path: "p", encoding: name)) {
      _ = try TextDecoder.decode(bytes, declared: nil, path: "p")
    }
  }

  @Test("ASCII, UTF-8 and Cyrillic single-byte text are not taken for UTF-16")
  func notWide() {
    #expect(TextDecoder.wideEncoding(Array("respondent_id,age\nR1,30\n".utf8)) == nil)
    #expect(TextDecoder.wideEncoding(Array("id,oraș\nR1,Chișinău\n".utf8)) == nil)
    #expect(TextDecoder.wideEncoding([0xC8, 0xE2, 0xE0, 0xED, 0x2C, 0x31, 0x0A]) == nil)
    // A few NUL bytes in otherwise normal text are not enough.
    #expect(TextDecoder.wideEncoding(Array("id,age\nR1,30\n".utf8) + [0, 0]) == nil)
  }
}

private func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
  text.utf16.flatMap { unit in
    bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
  }
}
