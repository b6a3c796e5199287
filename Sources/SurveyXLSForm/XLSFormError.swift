import Foundation

/// Why an XLSForm cannot be translated at all (a question that cannot be is reported instead:
/// ``XLSFormTranslation/reports``). Messages name the file and the sheet.
public enum XLSFormError: Error, Equatable, Sendable {
  /// The workbook has no `survey` sheet, or it lacks a `type` or `name` column.
  case missingSheet(path: String, sheet: String)
  case missingColumn(path: String, sheet: String, column: String)
  /// `--id` names no question of the form.
  case unknownID(path: String, name: String)
  /// The translated codebook refused in a way no single question explains.
  case untranslatable(path: String, problem: String)
}

extension XLSFormError: LocalizedError {
  public var errorDescription: String? {
    switch self {
    case .missingSheet(let path, let sheet):
      return "\(path): the XLSForm has no '\(sheet)' sheet"
    case .missingColumn(let path, let sheet, let column):
      return "\(path): sheet '\(sheet)' has no '\(column)' column in its first row"
    case .unknownID(let path, let name):
      return "\(path): --id '\(name)' is not a question of the form (give the name column's value, or a meta column of the export such as _uuid)"
    case .untranslatable(let path, let problem):
      return "\(path): the translated codebook is refused: \(problem)"
    }
  }
}
