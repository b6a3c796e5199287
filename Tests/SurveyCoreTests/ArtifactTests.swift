import Foundation
import SurveyCore
import Testing
import _SurveyTestSupport

@Suite("Artifact files: header, version, checksum")
struct ArtifactTests {
  static func artifact() -> Artifact {
    var payload = ArtifactWriter()
    payload.string("payload")
    payload.plain([1.5, 2.5] as [Double])
    return Artifact(
      stage: "ingest", inputs: [ArtifactInput(role: "batch", path: "/b.csv", sha256: String(repeating: "a", count: 64))],
      base: nil, payload: payload)
  }

  @Test("an artifact reads back with its stage, inputs, base and payload")
  func roundTrip() throws {
    let folder = try TemporaryDirectory("artifact")
    let path = folder.url.appendingPathComponent("ingest.artifact").path
    let written = Self.artifact()
    try written.write(to: path)
    let read = try Artifact.read(path: path)
    #expect(read.stage == "ingest")
    #expect(read.inputs == written.inputs)
    #expect(read.base == nil)
    #expect(read.checksum == written.checksum)
    var payload = read.payload
    #expect(try payload.string() == "payload")
    #expect(try payload.plain() == [1.5, 2.5] as [Double])
    #expect(payload.atEnd)
    // Written through a temporary file: nothing else is left in the folder.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["ingest.artifact"])
  }

  /// Writes the artifact, changes its bytes with `damage`, and returns the error reading it.
  static func readDamaged(_ damage: (inout [UInt8]) -> Void) throws -> CoreError? {
    let folder = try TemporaryDirectory("artifact")
    let path = folder.url.appendingPathComponent("a.artifact").path
    try artifact().write(to: path)
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    damage(&bytes)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    do {
      _ = try Artifact.read(path: path)
      return nil
    } catch {
      return error
    }
  }

  @Test("a changed payload byte fails the checksum")
  func checksum() throws {
    let error = try Self.readDamaged { $0[$0.count - 3] ^= 1 }
    guard case .corruptArtifact(_, let problem) = error else {
      Issue.record("expected corruptArtifact, got \(String(describing: error))")
      return
    }
    #expect(problem.contains("checksum"))
  }

  @Test("a truncated file is refused")
  func truncated() throws {
    let error = try Self.readDamaged { $0.removeLast(4) }
    guard case .corruptArtifact(_, let problem) = error else {
      Issue.record("expected corruptArtifact, got \(String(describing: error))")
      return
    }
    #expect(problem.contains("truncated") || problem.contains("ends early"))
  }

  @Test("another format version is refused with both versions named")
  func version() throws {
    let error = try Self.readDamaged { $0[Artifact.magic.count] = UInt8(Artifact.formatVersion + 1) }
    #expect(error == .artifactVersion(path: error.map(Self.path) ?? "", found: Artifact.formatVersion + 1, expected: Artifact.formatVersion))
    #expect(error?.localizedDescription.contains("format version \(Artifact.formatVersion + 1)") == true)
  }

  @Test("a file that is not an artifact is refused")
  func notAnArtifact() throws {
    let error = try Self.readDamaged { $0 = Array("id,name\n1,a\n".utf8) }
    guard case .corruptArtifact(_, let problem) = error else {
      Issue.record("expected corruptArtifact, got \(String(describing: error))")
      return
    }
    #expect(problem.contains("not a survey-pipe stage artifact"))
  }

  static func path(_ error: CoreError) -> String {
    if case .artifactVersion(let path, _, _) = error { return path }
    return ""
  }
}
