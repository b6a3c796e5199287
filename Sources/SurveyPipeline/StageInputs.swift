import Foundation
import SurveyCore
import SurveyIngest

/// The inputs an artifact came from, and the check that they are unchanged when the next stage
/// reads it: a stage never builds on an artifact whose pipeline, codebook, batches, decisions or
/// margins have changed since.
enum StageInputs {
  /// The tool, as an input: an artifact written by another version of survey-pipe is refused
  /// like one whose pipeline changed (its payload or its stage logic may differ, and the stages
  /// one by one must give what `run` gives).
  static let tool = ArtifactInput(role: "tool", path: "survey-pipe", sha256: PipelineRun.version)

  /// The tool, the pipeline and the codebook (by the hashes of the bytes parsed).
  static func configuration(_ pipeline: Pipeline, _ codebook: Codebook) -> [ArtifactInput] {
    [
      tool,
      ArtifactInput(
        role: "pipeline", path: pipeline.file, sha256: pipeline.sha256 ?? RunManifest.fileHash(pipeline.file) ?? ""),
      ArtifactInput(
        role: "codebook", path: pipeline.codebookPath,
        sha256: codebook.sha256 ?? RunManifest.fileHash(pipeline.codebookPath) ?? ""),
    ]
  }

  /// The batches, by the hashes of the bytes ingest read.
  static func batches(_ reports: [BatchReport]) -> [ArtifactInput] {
    reports.map { ArtifactInput(role: "batch", path: $0.path, sha256: $0.sha256) }
  }

  /// The stage that reads an input of `role` first, which must run again when it changes.
  static func stage(reading role: String) -> Stage {
    switch role {
    case "decisions": return .clean
    case "margins": return .weight
    default: return .ingest
    }
  }

  /// Checks that every input `artifact` records still has the bytes it had, and that the
  /// pipeline's inputs match no batch that ingest did not read.
  ///
  /// - Throws: ``PipelineError/staleArtifact(artifact:input:stage:)`` naming the first changed file.
  static func check(
    _ artifact: Artifact, pipeline: Pipeline, codebook: Codebook, hash: (String) -> String? = RunManifest.fileHash
  ) throws {
    let current = Dictionary(configuration(pipeline, codebook).map { ($0.role, $0) }, uniquingKeysWith: { a, _ in a })
    // An artifact that does not name this version of the tool was written by another one.
    guard artifact.inputs.contains(where: { $0.role == tool.role && $0.sha256 == tool.sha256 }) else {
      throw PipelineError.staleArtifact(artifact: artifact.path, input: tool.path, stage: Stage.ingest.rawValue)
    }
    for input in artifact.inputs {
      let stale = PipelineError.staleArtifact(
        artifact: artifact.path, input: input.path, stage: stage(reading: input.role).rawValue)
      if let now = current[input.role] {
        guard now.path == input.path, now.sha256 == input.sha256 else { throw stale }
      } else if hash(input.path) != input.sha256 {
        throw stale
      }
    }
    let read = Set(artifact.inputs.filter { $0.role == "batch" }.map(\.path))
    for source in try Ingest.sources(for: pipeline) where !read.contains(source.path) {
      throw PipelineError.staleArtifact(artifact: artifact.path, input: source.path, stage: Stage.ingest.rawValue)
    }
  }
}
