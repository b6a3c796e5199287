import Foundation

/// Why a run or an estimate cannot finish, beyond the stages' own errors.
public enum PipelineError: Error, Equatable, Sendable {
  /// Raw records ≠ tidy records + dropped records: an internal error; nothing is written.
  case rowsNotConserved(raw: Int, tidy: Int, dropped: Int)
  /// A data file `estimate` reads has a problem it cannot estimate through (a ragged row, a
  /// bad quote, text in a numeric column). The message names file and line, never the value.
  case unreadableData(file: String, line: Int?, problem: String)
  /// A table of the pipeline cannot be estimated (for example a lonely PSU under
  /// `lonely_psu: fail`).
  case table(file: String, line: Int?, name: String, problem: String)
}

extension PipelineError: LocalizedError {
  public var errorDescription: String? {
    switch self {
    case .rowsNotConserved(let raw, let tidy, let dropped):
      return "internal error: \(raw) raw records but \(tidy) tidy + \(dropped) dropped; no outputs were written"
    case .unreadableData(let file, let line, let problem):
      return "\(file)\(line.map { ":\($0)" } ?? ""): \(problem)"
    case .table(let file, let line, let name, let problem):
      return "\(file)\(line.map { ":\($0)" } ?? ""): tables: \(name): \(problem)"
    }
  }
}
