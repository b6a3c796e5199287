import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyPipeline

@Suite("Stage artifacts: the inputs they came from")
struct StageInputsTests {
  /// The input that `check` refuses `inputs` for, or nil when it accepts them.
  static func refused(_ inputs: [ArtifactInput]) throws -> String? {
    let (pipeline, codebook) = try PipelineRun.load(Fixtures.repoPath("pipelines/moldova-migrant-health.yml"))
    let artifact = Artifact(stage: "ingest", inputs: inputs, base: nil, payload: ArtifactWriter())
    do {
      try StageInputs.check(artifact, pipeline: pipeline, codebook: codebook)
      return nil
    } catch PipelineError.staleArtifact(_, let input, let stage) {
      #expect(stage == "ingest")
      return input
    }
  }

  /// Found in review: an artifact written by another survey-pipe was used, so the stages one by
  /// one could differ from `run` after an upgrade.
  @Test("an artifact written by another version of survey-pipe is refused, naming the tool")
  func otherVersion() throws {
    let old = ArtifactInput(role: "tool", path: "survey-pipe", sha256: "0.0.9")
    #expect(try Self.refused([old]) == "survey-pipe")
    // Artifacts of versions before the tool was an input do not name it at all.
    #expect(try Self.refused([]) == "survey-pipe")
    // With this version's tool entry the check goes on, to the batches the artifact never read.
    let refusal = try Self.refused([StageInputs.tool])
    #expect(refusal?.hasSuffix("batch-01-chisinau-centru.csv") == true, "\(refusal ?? "accepted")")
  }
}
