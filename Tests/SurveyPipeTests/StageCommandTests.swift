import Foundation
import Testing
import _SurveyTestSupport

/// The one-stage commands, through the built binary, on the Moldova example.
@Suite("survey-pipe ingest|validate|clean|weight|tabulate", .serialized)
struct StageCommandTests {
  static let stages = ["ingest", "validate", "clean", "weight", "tabulate"]

  /// A copy of the Moldova example (fixtures and pipelines) in a temporary folder.
  static func example() throws -> TemporaryDirectory {
    let folder = try TemporaryDirectory("stages")
    for name in ["fixtures", "pipelines"] {
      try FileManager.default.copyItem(
        at: URL(fileURLWithPath: Fixtures.repoPath(name)), to: folder.url.appendingPathComponent(name))
    }
    return folder
  }

  static let pipeline = "pipelines/moldova-migrant-health.yml"

  @Test("the five stages one by one write the run folder of `run`, byte for byte but run.json")
  func oneByOne() throws {
    let folder = try Self.example()
    let whole = try SurveyPipeBinary.run(["run", Self.pipeline, "--out", "whole", "--quiet"], in: folder.path)
    #expect(whole.status == 0, "\(whole.stderr)")
    for stage in Self.stages {
      let result = try SurveyPipeBinary.run([stage, Self.pipeline, "--out", "staged"], in: folder.path)
      #expect(result.status == 0, "\(stage): \(result.stderr)")
      #expect(result.stderr.contains(stage), "\(stage) prints its progress")
    }
    let wholeFiles = try RunTests.files(in: folder.url.appendingPathComponent("whole"))
    let stagedFiles = try RunTests.files(in: folder.url.appendingPathComponent("staged"))
    #expect(stagedFiles == wholeFiles)
    #expect(wholeFiles.contains("tables.md") && wholeFiles.contains("run.json"))
    for file in wholeFiles where file != "run.json" {
      let a = try Data(contentsOf: folder.url.appendingPathComponent("whole/\(file)"))
      let b = try Data(contentsOf: folder.url.appendingPathComponent("staged/\(file)"))
      #expect(a == b, "\(file) differs")
    }
    // And `run --only` is the same stage.
    for stage in Self.stages {
      let result = try SurveyPipeBinary.run(["run", Self.pipeline, "--out", "only", "--only", stage, "--quiet"], in: folder.path)
      #expect(result.status == 0, "\(stage): \(result.stderr)")
    }
    for file in wholeFiles where file != "run.json" {
      let a = try Data(contentsOf: folder.url.appendingPathComponent("whole/\(file)"))
      let b = try Data(contentsOf: folder.url.appendingPathComponent("only/\(file)"))
      #expect(a == b, "\(file) differs after run --only")
    }
  }

  @Test("the artifacts live beside the run folder and hold the personal data that no published file holds")
  func personalData() throws {
    let folder = try Self.example()
    let result = try SurveyPipeBinary.run(["run", Self.pipeline, "--out", "out/run", "--quiet"], in: folder.path)
    #expect(result.status == 0, "\(result.stderr)")
    let stages = folder.url.appendingPathComponent("out/run.stages")
    let artifacts = try FileManager.default.contentsOfDirectory(atPath: stages.path).sorted()
    #expect(artifacts == ["clean.artifact", "ingest.artifact", "validate.artifact", "weight.artifact"])
    let ingest = try Data(contentsOf: stages.appendingPathComponent("ingest.artifact"))
    #expect(ingest.range(of: Data("+373".utf8)) != nil, "the ingest artifact is lossless, phone numbers included")
    let published = folder.url.appendingPathComponent("out/run")
    for file in try RunTests.files(in: published) {
      let bytes = try Data(contentsOf: published.appendingPathComponent(file))
      #expect(bytes.range(of: Data("+373".utf8)) == nil, "\(file) holds a phone number")
      #expect(!file.hasSuffix(".artifact"))
    }
    let permissions = try FileManager.default.attributesOfItem(atPath: stages.path)[.posixPermissions] as? Int
    #expect(permissions == 0o700)
  }

  @Test("a stage refuses an artifact whose input changed, naming the file (exit 1)")
  func staleInput() throws {
    let folder = try Self.example()
    _ = try SurveyPipeBinary.run(["run", Self.pipeline, "--out", "out", "--quiet"], in: folder.path)
    let batch = folder.url.appendingPathComponent("fixtures/moldova/batches/batch-03-sud.csv")
    var bytes = try Data(contentsOf: batch)
    bytes.append(contentsOf: Array("\n".utf8))
    try bytes.write(to: batch)
    for stage in ["validate", "tabulate"] {
      let result = try SurveyPipeBinary.run([stage, Self.pipeline, "--out", "out", "--quiet"], in: folder.path)
      #expect(result.status == 1)
      #expect(result.stderr.contains("batch-03-sud.csv has changed since this artifact was written"), "\(result.stderr)")
      #expect(result.stderr.contains("survey-pipe ingest PIPELINE"), "\(result.stderr)")
    }
    // The codebook too.
    let codebook = folder.url.appendingPathComponent("fixtures/moldova/codebook.yml")
    try (try String(contentsOf: codebook, encoding: .utf8) + "\n# reviewed\n").write(to: codebook, atomically: true, encoding: .utf8)
    let result = try SurveyPipeBinary.run(["weight", Self.pipeline, "--out", "out", "--quiet"], in: folder.path)
    #expect(result.status == 1)
    #expect(result.stderr.contains("codebook.yml has changed"), "\(result.stderr)")
  }

  @Test("a missing, damaged or other-version artifact is refused with a clear message (exit 1)")
  func unusableArtifacts() throws {
    let folder = try Self.example()
    let missing = try SurveyPipeBinary.run(["clean", Self.pipeline, "--out", "out", "--quiet"], in: folder.path)
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("out.stages/ingest.artifact: no artifact of the ingest stage"), "\(missing.stderr)")
    _ = try SurveyPipeBinary.run(["run", Self.pipeline, "--out", "out", "--quiet"], in: folder.path)
    let clean = folder.url.appendingPathComponent("out.stages/clean.artifact")
    var bytes = [UInt8](try Data(contentsOf: clean))
    bytes[bytes.count - 10] ^= 0xFF
    try Data(bytes).write(to: clean)
    let damaged = try SurveyPipeBinary.run(["tabulate", Self.pipeline, "--out", "out", "--quiet"], in: folder.path)
    #expect(damaged.status == 1)
    #expect(damaged.stderr.contains("clean.artifact: the stage artifact cannot be used: the payload's checksum does not match"))
    bytes[bytes.count - 10] ^= 0xFF
    bytes[27] = 99  // the format version's low byte
    try Data(bytes).write(to: clean)
    let version = try SurveyPipeBinary.run(["weight", Self.pipeline, "--out", "out", "--quiet"], in: folder.path)
    #expect(version.status == 1)
    #expect(version.stderr.contains("clean.artifact: the stage artifact has format version 99"), "\(version.stderr)")
  }

  @Test("weight still weights a CSV file; with a pipeline it refuses the CSV flags")
  func weightBothWays() throws {
    let folder = try Self.example()
    let flags = try SurveyPipeBinary.run(["weight", Self.pipeline, "--weight", "w"], in: folder.path)
    #expect(flags.status == 2)
    #expect(flags.stderr.contains("is a pipeline"))
    let noOut = try SurveyPipeBinary.run(["weight", "data.csv", "--weight", "w"], in: folder.path)
    #expect(noOut.status == 2)
    #expect(noOut.stderr.contains("--out"))
  }

  /// Found in review: `run --only STAGE --fail-on LEVEL` returned before the gate.
  @Test("--fail-on gates run --only tabulate (exit 3) and is refused with the other stages (exit 2)")
  func failOnWithOnly() throws {
    let folder = try Self.example()
    _ = try SurveyPipeBinary.run(["run", Self.pipeline, "--out", "out", "--quiet"], in: folder.path)
    // The example has unsettled errors (docs: fixtures/moldova/expected-findings.csv).
    let gated = try SurveyPipeBinary.run(
      ["run", Self.pipeline, "--out", "out", "--only", "tabulate", "--fail-on", "error", "--quiet"], in: folder.path)
    #expect(gated.status == 3)
    #expect(gated.stderr.contains("--fail-on error:"), "\(gated.stderr)")
    let refused = try SurveyPipeBinary.run(
      ["run", Self.pipeline, "--out", "out", "--only", "clean", "--fail-on", "error", "--quiet"], in: folder.path)
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("only tabulate writes"), "\(refused.stderr)")
  }
}
