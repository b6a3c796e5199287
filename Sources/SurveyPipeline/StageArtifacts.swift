import Foundation
import SurveyCore

/// Writes and reads a run's stage artifacts in its ``StageFolder``, checking on every read that
/// the artifact is whole, of this format version, built from the artifact beside it, and that
/// none of its inputs has changed since.
struct StageArtifacts {
  let folder: StageFolder
  let pipeline: Pipeline
  let codebook: Codebook
  let progress: ProgressLog

  /// Writes `stage`'s artifact and returns it (its checksum is the next artifact's base).
  @discardableResult
  func save(
    _ stage: Stage, inputs: [ArtifactInput], base: Artifact?, _ write: (inout ArtifactWriter) -> Void
  ) throws -> Artifact {
    try folder.create()
    let started = Date.now
    var writer = ArtifactWriter(capacity: 1 << 20)
    write(&writer)
    let artifact = Artifact(stage: stage.rawValue, inputs: inputs, base: base?.checksum, payload: writer)
    let path = folder.artifact(stage)
    try artifact.write(to: path)
    let seconds = Date.now.timeIntervalSince(started)
    progress.note(stage.rawValue, "artifact \(path), \(artifact.size) bytes (\(String(format: "%.2f", seconds)) s)")
    return artifact
  }

  /// Reads `stage`'s artifact and checks it: present, whole, this version, of that stage, built
  /// from `base` when given, and with unchanged inputs.
  ///
  /// - Throws: ``PipelineError/missingArtifact(path:stage:)``, ``PipelineError/staleArtifact(artifact:input:stage:)``,
  ///   ``PipelineError/artifactOutOfDate(artifact:base:stage:)`` and ``SurveyCore/CoreError``
  ///   for a damaged or other-version file.
  func load(_ stage: Stage, base: Artifact? = nil) throws -> Artifact {
    let path = folder.artifact(stage)
    guard FileManager.default.fileExists(atPath: path) else {
      throw PipelineError.missingArtifact(path: path, stage: stage.rawValue)
    }
    let started = Date.now
    let artifact = try Artifact.read(path: path)
    guard artifact.stage == stage.rawValue else {
      throw CoreError.corruptArtifact(path: path, problem: "it holds the \(artifact.stage) stage, not the \(stage.rawValue) stage")
    }
    try StageInputs.check(artifact, pipeline: pipeline, codebook: codebook)
    if let base, artifact.base != base.checksum {
      throw PipelineError.artifactOutOfDate(artifact: path, base: base.path, stage: stage.rawValue)
    }
    let seconds = Date.now.timeIntervalSince(started)
    progress.note(stage.rawValue, "read artifact \(path), \(artifact.size) bytes (\(String(format: "%.2f", seconds)) s)")
    return artifact
  }

  /// Decodes an artifact's payload with `read`, which must use every byte.
  func decode<T>(_ artifact: Artifact, _ read: (inout ArtifactReader) throws(CoreError) -> T) throws -> T {
    var reader = artifact.payload
    let value = try read(&reader)
    guard reader.atEnd else { throw reader.corrupt("bytes follow the payload") }
    return value
  }
}
