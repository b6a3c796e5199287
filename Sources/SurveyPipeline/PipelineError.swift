import Foundation

/// Why a run or an estimate cannot finish, beyond the stages' own errors.
public enum PipelineError: Error, Equatable, Sendable {
  /// Raw records ≠ tidy records + dropped records: an internal error; nothing is written.
  case rowsNotConserved(raw: Int, tidy: Int, dropped: Int)
  /// A data file `estimate` reads has a problem it cannot estimate through (a ragged row, a
  /// bad quote, text in a numeric column). The message names file and line, never the value.
  case unreadableData(file: String, line: Int?, problem: String)
  /// `weight` would add a column the file already has.
  case weightColumnExists(file: String, column: String)
  /// `weight` copies every column, so each header name must be unique.
  case duplicateHeader(file: String, column: String)
  /// An output would overwrite an input file.
  case outputIsInput(path: String)
  /// A file could not be written.
  case unwritable(path: String, reason: String)
  /// Two outputs of one command name the same file.
  case outputsCollide(path: String)
  /// A stage needs the artifact of the stage before, which is not there.
  case missingArtifact(path: String, stage: String)
  /// An input of an artifact (the pipeline, the codebook, a batch, the decisions, a margins
  /// file) has changed since the artifact was written; `stage` is the first one to run again.
  case staleArtifact(artifact: String, input: String, stage: String)
  /// An artifact was built from another artifact than the one beside it now (`base` was
  /// written again since); `stage` must run again.
  case artifactOutOfDate(artifact: String, base: String, stage: String)
}

extension PipelineError: LocalizedError {
  public var errorDescription: String? {
    switch self {
    case .rowsNotConserved(let raw, let tidy, let dropped):
      return "internal error: \(raw) raw records but \(tidy) tidy + \(dropped) dropped; no outputs were written"
    case .unreadableData(let file, let line, let problem):
      return "\(file)\(line.map { ":\($0)" } ?? ""): \(problem)"
    case .weightColumnExists(let file, let column):
      return "\(file): the data already has a column '\(column)'; name the weight column with --name"
    case .duplicateHeader(let file, let column):
      return "\(file):1: the header names '\(column)' twice; weight copies every column, so rename one"
    case .outputIsInput(let path):
      return "\(path): this output would overwrite an input file (the data or a margins file); inputs are never modified, so choose another name"
    case .outputsCollide(let path):
      return "\(path): --out and --report name the same file; give each its own"
    case .unwritable(let path, let reason):
      return "\(path): cannot write: \(reason)"
    case .missingArtifact(let path, let stage):
      return "\(path): no artifact of the \(stage) stage; run `survey-pipe \(stage) PIPELINE` (or `run`) first"
    case .staleArtifact(let artifact, let input, let stage):
      return "\(artifact): \(input) has changed since this artifact was written; run the stages again from `survey-pipe \(stage) PIPELINE` (or `run`)"
    case .artifactOutOfDate(let artifact, let base, let stage):
      return "\(artifact): it was built from another version of \(base) than the one there now; run `survey-pipe \(stage) PIPELINE` again"
    }
  }
}
