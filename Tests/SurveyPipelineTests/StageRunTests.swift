import Foundation
import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyPipeline

@Suite("PipelineRun one stage at a time, in process", .serialized)
struct StageRunTests {
  /// A copy of the Moldova example in a temporary folder (so its inputs can be changed), and
  /// its pipeline's path.
  static func example() throws -> (TemporaryDirectory, String) {
    let folder = try TemporaryDirectory("stage-run")
    for name in ["fixtures", "pipelines"] {
      try FileManager.default.copyItem(
        at: URL(fileURLWithPath: Fixtures.repoPath(name)), to: folder.url.appendingPathComponent(name))
    }
    return (folder, folder.url.appendingPathComponent("pipelines/moldova-migrant-health.yml").path)
  }

  static func runner(_ path: String, out: String) throws -> PipelineRun {
    let (pipeline, codebook) = try PipelineRun.load(path)
    return PipelineRun(pipeline: pipeline, codebook: codebook, outputPath: out, progress: ProgressLog(quiet: true))
  }

  @Test("the stages one by one write the same tables and logs as one run")
  func sameOutcome() throws {
    let (folder, path) = try Self.example()
    let whole = try Self.runner(path, out: folder.path + "/whole").execute()
    let out = folder.path + "/staged"
    var last: PipelineRun.StageOutcome?
    for stage in Stage.allCases { last = try Self.runner(path, out: out).execute(only: stage) }
    let staged = try #require(last?.run)
    #expect(staged.log.findings == whole.log.findings)
    #expect(staged.tables == whole.tables)
    #expect((staged.rawRecords, staged.tidyRecords, staged.changes) == (whole.rawRecords, whole.tidyRecords, whole.changes))
    for stage in Stage.allCases where stage != .tabulate {
      #expect(FileManager.default.fileExists(atPath: StageFolder(outputPath: out).artifact(stage)), "\(stage)")
    }
  }

  @Test("a stage refuses an artifact whose decisions file changed, and names the file and the stage to run")
  func staleDecisions() throws {
    let (folder, path) = try Self.example()
    let out = folder.path + "/run"
    _ = try Self.runner(path, out: out).execute()
    let decisions = folder.url.appendingPathComponent("fixtures/moldova/decisions.csv")
    let handle = try FileHandle(forWritingTo: decisions)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("MD-C-0001,,,accept,,\n".utf8))
    try handle.close()
    #expect {
      _ = try Self.runner(path, out: out).execute(only: .weight)
    } throws: { error in
      guard case PipelineError.staleArtifact(let artifact, let input, let stage) = error else { return false }
      return artifact.hasSuffix("run.stages/clean.artifact") && input.hasSuffix("decisions.csv") && stage == "clean"
    }
    // Cleaning again takes the new decisions; the stages after it then run.
    _ = try Self.runner(path, out: out).execute(only: .clean)
    _ = try Self.runner(path, out: out).execute(only: .weight)
  }

  @Test("a new batch matched by the inputs' glob makes the ingest artifact stale")
  func newBatch() throws {
    let folder = try TemporaryDirectory("stage-run")
    try folder.write("batches/a.csv", "id,y\n1,5\n")
    try folder.write("c.yml", "survey: s\nid: id\nvariables:\n  - {name: id, type: text}\n  - {name: y, type: decimal}\n")
    let path = try folder.write("p.yml", "name: s\ncodebook: c.yml\ninputs: [batches/*.csv]\n")
    let out = folder.path + "/run"
    _ = try Self.runner(path, out: out).execute(only: .ingest)
    try folder.write("batches/b.csv", "id,y\n2,6\n")
    #expect {
      _ = try Self.runner(path, out: out).execute(only: .validate)
    } throws: { error in
      guard case PipelineError.staleArtifact(_, let input, let stage) = error else { return false }
      return input.hasSuffix("batches/b.csv") && stage == "ingest"
    }
  }

  @Test("validate built on one ingest artifact is refused by clean after ingest ran again")
  func outOfDate() throws {
    let (folder, path) = try Self.example()
    let out = folder.path + "/run"
    _ = try Self.runner(path, out: out).execute(only: .ingest)
    _ = try Self.runner(path, out: out).execute(only: .validate)
    // The same inputs, but a new artifact (its stage time differs, so its checksum does).
    _ = try Self.runner(path, out: out).execute(only: .ingest)
    #expect {
      _ = try Self.runner(path, out: out).execute(only: .clean)
    } throws: { error in
      guard case PipelineError.artifactOutOfDate(let artifact, _, let stage) = error else { return false }
      return artifact.hasSuffix("validate.artifact") && stage == "validate"
    }
  }
}
