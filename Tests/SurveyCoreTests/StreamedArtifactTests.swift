import Foundation
import SurveyCore
import Testing
import _SurveyTestSupport

@Suite("Artifact files streamed as the payload is made")
struct StreamedArtifactTests {
  static let inputs = [
    ArtifactInput(role: "tool", path: "survey-pipe", sha256: "0.1.0"),
    ArtifactInput(role: "batch", path: "/data/b.csv", sha256: String(repeating: "c", count: 64)),
  ]

  /// A payload larger than the streaming buffer, with arrays large enough to go from their own
  /// memory and small values between them.
  static func payload(_ writer: inout ArtifactWriter) {
    writer.string("ingest")
    writer.plain((0..<300_000).map { Double($0) * 0.5 })
    for index in 0..<40_000 { writer.string("value \(index)") }
    writer.int(nil)
    writer.int(7)
    writer.texts((0..<50_000).map { "MD-\($0)" })
    writer.optionalStrings([nil, "a", nil, "bc"])
    writer.plain([UInt8](repeating: 3, count: 5))
    writer.double(-0.25)
    writer.bool(true)
  }

  @Test("a streamed artifact has the bytes of the same artifact made in memory")
  func sameBytes() throws {
    let folder = try TemporaryDirectory("streamed-artifact")
    let streamed = folder.url.appendingPathComponent("streamed.artifact").path
    let inMemory = folder.url.appendingPathComponent("memory.artifact").path
    let base = String(repeating: "b", count: 64)
    let written = try Artifact.write(stage: "validate", inputs: Self.inputs, base: base, to: streamed, payload: Self.payload)
    var writer = ArtifactWriter()
    Self.payload(&writer)
    let artifact = Artifact(stage: "validate", inputs: Self.inputs, base: base, payload: writer)
    try artifact.write(to: inMemory)
    let streamedBytes = try Data(contentsOf: URL(fileURLWithPath: streamed))
    #expect(streamedBytes == (try Data(contentsOf: URL(fileURLWithPath: inMemory))))
    #expect(written.checksum == artifact.checksum)
    #expect(written.size == streamedBytes.count)
    #expect(written.size > 1 << 21)
    #expect(written.path == streamed)
    #expect(written.inputs == Self.inputs)
    #expect(written.base == base)
    // Written through a temporary file: nothing else is left in the folder.
    #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["streamed.artifact", "memory.artifact"])
  }

  @Test("a streamed artifact reads back value by value")
  func readsBack() throws {
    let folder = try TemporaryDirectory("streamed-artifact")
    let path = folder.url.appendingPathComponent("a.artifact").path
    _ = try Artifact.write(stage: "ingest", inputs: Self.inputs, base: nil, to: path, payload: Self.payload)
    let read = try Artifact.read(path: path)
    #expect(read.stage == "ingest")
    #expect(read.base == nil)
    var reader = read.payload
    #expect(try reader.string() == "ingest")
    let halves: [Double] = try reader.plain()
    #expect(halves.count == 300_000)
    #expect(halves.last == 149_999.5)
    var strings: [String] = []
    for _ in 0..<40_000 { strings.append(try reader.string()) }
    #expect(strings == (0..<40_000).map { "value \($0)" })
    #expect(try reader.optionalInt() == nil)
    #expect(try reader.int() == 7)
    let texts = try reader.texts()
    #expect(texts.count == 50_000)
    #expect(texts.first == "MD-0")
    #expect(texts.last == "MD-49999")
    #expect(try reader.optionalStrings() == [nil, "a", nil, "bc"])
    #expect(try reader.plain() == [UInt8](repeating: 3, count: 5))
    #expect(try reader.double() == -0.25)
    #expect(try reader.bool())
    #expect(reader.atEnd)
  }

  @Test("a text column written whole reads back as optionals too, and absent values as empty text")
  func textColumns() throws {
    var writer = ArtifactWriter()
    writer.texts(["", "ș", "abc"])
    writer.optionalStrings(["x", nil])
    var reader = ArtifactReader(bytes: writer.bytes, file: "t")
    #expect(try reader.optionalStrings() == ["", "ș", "abc"])
    #expect(try reader.texts() == ["x", ""])
    #expect(reader.atEnd)
  }

  @Test("a folder that cannot be written is an error naming the artifact, and leaves nothing")
  func unwritable() throws {
    let folder = try TemporaryDirectory("streamed-artifact")
    let path = folder.url.appendingPathComponent("missing/a.artifact").path
    #expect(throws: CoreError.self) {
      _ = try Artifact.write(stage: "ingest", inputs: [], base: nil, to: path, payload: Self.payload)
    }
    do {
      _ = try Artifact.write(stage: "ingest", inputs: [], base: nil, to: path, payload: Self.payload)
    } catch {
      guard case .unwritableOutput(let named, _) = error else {
        Issue.record("expected unwritableOutput, got \(error)")
        return
      }
      #expect(named == path)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }
}
