import Foundation

/// Why validation could not run.
public enum ValidateError: Error, Equatable, Sendable {
  /// An expression names a variable that is not in the table.
  case unknownVariable(codebook: String, line: Int?, key: String, name: String)
}

extension ValidateError: LocalizedError {
  public var errorDescription: String? {
    switch self {
    case .unknownVariable(let codebook, let line, let key, let name):
      return "\(codebook)\(line.map { ":\($0)" } ?? ""): \(key): the expression names '\(name)', which is not a column of the data"
    }
  }
}
