import Foundation

/// Why a labelled export cannot be written. Messages name the variable; they never quote a
/// respondent's value.
public enum ExportError: Error, Equatable, Sendable {
  /// More missing codes than Stata's 26 extended missing values.
  case tooManyMissingCodes(variable: String)
  /// libreadstat refused: its message, and the variable when known.
  case library(format: String, variable: String?, message: String)
  /// A file that cannot be read back.
  case unreadable(path: String, message: String)
}

extension ExportError: LocalizedError {
  public var errorDescription: String? {
    switch self {
    case .tooManyMissingCodes(let variable):
      return "'\(variable)' has more than 26 missing codes; Stata has 26 extended missing values (.a to .z)"
    case .library(let format, let variable, let message):
      return "writing the \(format) file" + (variable.map { " (variable '\($0)')" } ?? "") + " failed: \(message)"
    case .unreadable(let path, let message):
      return "\(path): cannot be read as a labelled file: \(message)"
    }
  }
}
