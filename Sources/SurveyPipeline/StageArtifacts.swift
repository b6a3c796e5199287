import Foundation
import Synchronization
import SurveyCore

/// Writes and reads a run's stage artifacts in its ``StageFolder``.
///
/// Writing happens on one background queue, in the order the stages hand their outputs over,
/// while the next stage runs (``wait()`` joins it); each artifact records the inputs and the
/// checksum of the one it was built from. Every read checks that the artifact is whole, of this
/// format version, built from the artifact given, and that none of its inputs has changed since.
final class StageArtifacts: Sendable {
  let folder: StageFolder
  let pipeline: Pipeline
  let codebook: Codebook
  let progress: ProgressLog
  private let queue = DispatchQueue(label: "survey-pipe.stage-artifacts")
  private let group = DispatchGroup()
  /// What the queue wrote, by stage, and the first error it met.
  private let state = Mutex<(written: [Stage: Artifact], failure: (any Error)?)>(([:], nil))
  /// The SHA-256 of each input file as this process found it, so that reading two artifacts
  /// hashes a batch once.
  private let hashes = Mutex<[String: String?]>([:])

  init(folder: StageFolder, pipeline: Pipeline, codebook: Codebook, progress: ProgressLog) {
    self.folder = folder
    self.pipeline = pipeline
    self.codebook = codebook
    self.progress = progress
  }

  /// Queues `stage`'s artifact: the inputs of `base` (the artifact it is built from, written
  /// earlier on this queue or read with ``load(_:base:)``) and `inputs`, and `write`'s payload.
  func save(
    _ stage: Stage, inputs: [ArtifactInput] = [], base: Stage? = nil,
    _ write: @escaping @Sendable (inout ArtifactWriter) -> Void
  ) {
    queue.async(group: group) { [self] in
      do {
        let before = state.withLock { state -> Artifact?? in
          guard state.failure == nil else { return .none }
          return .some(base.flatMap { state.written[$0] })
        }
        guard case .some(let baseArtifact) = before else { return }
        if base != nil, baseArtifact == nil { preconditionFailure("the \(stage) artifact's base was not written or read first") }
        let artifact = try self.write(stage, inputs: (baseArtifact?.inputs ?? []) + inputs, base: baseArtifact, write)
        state.withLock { $0.written[stage] = artifact }
      } catch {
        state.withLock { if $0.failure == nil { $0.failure = error } }
      }
    }
  }

  /// Waits for every queued artifact; throws the first error writing one.
  func wait() throws {
    group.wait()
    if let failure = state.withLock({ $0.failure }) { throw failure }
  }

  private func write(
    _ stage: Stage, inputs: [ArtifactInput], base: Artifact?, _ write: (inout ArtifactWriter) -> Void
  ) throws -> Artifact {
    try folder.create()
    let started = Date.now
    let path = folder.artifact(stage)
    // Streamed to the file as the payload is made: no copy of the table in memory.
    let artifact = try Artifact.write(stage: stage.rawValue, inputs: inputs, base: base?.checksum, to: path, payload: write)
    let seconds = Date.now.timeIntervalSince(started)
    progress.note(stage.rawValue, "artifact \(path), \(artifact.size) bytes (\(String(format: "%.2f", seconds)) s)")
    return artifact
  }

  /// Reads `stage`'s artifact and checks it: present, whole, this version, of that stage, built
  /// from the artifact of `base` read before when given, and with unchanged inputs.
  ///
  /// - Throws: ``PipelineError/missingArtifact(path:stage:)``, ``PipelineError/staleArtifact(artifact:input:stage:)``,
  ///   ``PipelineError/artifactOutOfDate(artifact:base:stage:)`` and ``SurveyCore/CoreError``
  ///   for a damaged or other-version file.
  func load(_ stage: Stage, base: Stage? = nil) throws -> Artifact {
    let path = folder.artifact(stage)
    guard FileManager.default.fileExists(atPath: path) else {
      throw PipelineError.missingArtifact(path: path, stage: stage.rawValue)
    }
    let started = Date.now
    let artifact = try Artifact.read(path: path)
    guard artifact.stage == stage.rawValue else {
      throw CoreError.corruptArtifact(path: path, problem: "it holds the \(artifact.stage) stage, not the \(stage.rawValue) stage")
    }
    try StageInputs.check(artifact, pipeline: pipeline, codebook: codebook, hash: hash)
    if let base, let baseArtifact = state.withLock({ $0.written[base] }), artifact.base != baseArtifact.checksum {
      throw PipelineError.artifactOutOfDate(artifact: path, base: baseArtifact.path, stage: stage.rawValue)
    }
    state.withLock { $0.written[stage] = artifact.withoutContents }
    let seconds = Date.now.timeIntervalSince(started)
    progress.note(stage.rawValue, "read artifact \(path), \(artifact.size) bytes (\(String(format: "%.2f", seconds)) s)")
    return artifact
  }

  /// The SHA-256 of the file at `path`, computed once per process.
  private func hash(_ path: String) -> String? {
    if let known = hashes.withLock({ $0[path] }) { return known }
    let digest = RunManifest.fileHash(path)
    hashes.withLock { $0[path] = digest }
    return digest
  }

  /// Decodes an artifact's payload with `read`, which must use every byte.
  func decode<T>(_ artifact: Artifact, _ read: (inout ArtifactReader) throws(CoreError) -> T) throws -> T {
    var reader = artifact.payload
    let value = try read(&reader)
    guard reader.atEnd else { throw reader.corrupt("bytes follow the payload") }
    return value
  }
}
