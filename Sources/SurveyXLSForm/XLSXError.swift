import Foundation

/// Why an Excel workbook (an XLSForm) cannot be read. Messages name the file, and the sheet or
/// part concerned.
public enum XLSXError: Error, Equatable, Sendable {
  /// Not a ZIP file, or one without the parts of a workbook.
  case notAWorkbook(path: String, problem: String)
  /// A part of the workbook that is not well-formed XML, or refers to a missing part.
  case damagedPart(path: String, part: String)
}

extension XLSXError: LocalizedError {
  public var errorDescription: String? {
    switch self {
    case .notAWorkbook(let path, let problem):
      return "\(path): not an Excel workbook (.xlsx): \(problem)"
    case .damagedPart(let path, let part):
      return "\(path): the workbook's part \(part) is damaged or missing; save the file again from Excel or LibreOffice"
    }
  }
}
