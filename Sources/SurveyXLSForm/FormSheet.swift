import Foundation

/// A sheet of an XLSForm with its header: cells looked up by column name (case and spaces
/// ignored), rows numbered as Excel numbers them.
struct FormSheet {
  let name: String
  let header: [String]
  let rows: [[String]]

  init(_ rows: [[String]], name: String, path: String, required: [String]) throws {
    self.name = name
    header = (rows.first ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    self.rows = Array(rows.dropFirst())
    for column in required where !header.contains(column) {
      throw XLSFormError.missingColumn(path: path, sheet: name, column: column)
    }
  }

  /// The index of the first column named `column`.
  func index(_ column: String) -> Int? { header.firstIndex(of: column) }

  /// The cell of `row` (0-based, below the header) in `column`, trimmed; "" when absent.
  func value(_ row: Int, _ column: String) -> String {
    guard let index = index(column) else { return "" }
    return cell(row, index)
  }

  func cell(_ row: Int, _ index: Int) -> String {
    let cells = rows[row]
    return cells.indices.contains(index) ? cells[index].trimmingCharacters(in: .whitespacesAndNewlines) : ""
  }

  /// The value of `column` in the first row that has one (the `settings` sheet).
  func firstValue(_ column: String) -> String? {
    rows.indices.map { value($0, column) }.first { !$0.isEmpty }
  }

  /// The label column: `label::LANGUAGE …` for `language`, else `label`, else the first
  /// `label::` column.
  func labelColumn(_ language: String?) -> Int? {
    if let language {
      let wanted = "label::" + language.lowercased()
      if let index = header.firstIndex(where: { $0.hasPrefix(wanted) }) { return index }
    }
    return index("label") ?? header.firstIndex { $0.hasPrefix("label::") }
  }

  /// Excel's number of the row at `row` (0-based, below the header).
  func excelRow(_ row: Int) -> Int { row + 2 }
}
