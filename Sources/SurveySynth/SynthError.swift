import Foundation

/// Why `synth` could not write a synthetic survey.
public enum SynthError: Error, Equatable, Sendable {
  /// The number of rows asked for is below 1.
  case invalidRowCount(Int)
  /// The output folder cannot be created, or is not a folder.
  case unwritableDirectory(path: String, reason: String)
  /// An output file cannot be created, written or moved into place.
  case unwritableFile(path: String, reason: String)
}

extension SynthError: LocalizedError {
  public var errorDescription: String? {
    switch self {
    case .invalidRowCount(let rows):
      return "the number of rows must be 1 or more (got \(rows))"
    case .unwritableDirectory(let path, let reason):
      return "\(path): cannot write the output folder: \(reason)"
    case .unwritableFile(let path, let reason):
      return "\(path): cannot write: \(reason)"
    }
  }
}
