// The one Swift file that calls libxlsxwriter (CXLSXWriter): a workbook owning its C handle in
// a final class, closed (and so freed) exactly once; libxlsxwriter's status codes become
// ExportError here.
import CXLSXWriter
import Foundation

/// An Excel workbook of plain sheets: text and numbers cell by cell, a bold header row with a
/// filter, frozen below the header. Written to a temporary file and returned as bytes; the same
/// content gives the same bytes (the creation time is fixed).
final class WorkbookWriter {
  private let workbook: UnsafeMutablePointer<lxw_workbook>
  private let path: String
  private var closed = false
  private let bold: UnsafeMutablePointer<lxw_format>
  private let italic: UnsafeMutablePointer<lxw_format>

  init() throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("survey-pipe-\(UUID().uuidString).xlsx").path
    guard let handle = workbook_new(path) else {
      throw ExportError.library(format: "xlsx", variable: nil, message: "cannot create a workbook")
    }
    workbook = handle
    bold = workbook_add_format(handle)
    format_set_bold(bold)
    italic = workbook_add_format(handle)
    format_set_italic(italic)
  }

  deinit {
    if !closed { workbook_close(workbook) }
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Adds a sheet named `name` (Excel's limits: 31 characters, none of `[]:*?/\`) with a header
  /// row and the rows below it; `widths` sets column widths in characters.
  func addSheet(_ name: String, header: [String], rows: [[SheetCell]], widths: [Double] = []) throws {
    guard let sheet = workbook_add_worksheet(workbook, name) else {
      throw ExportError.library(format: "xlsx", variable: nil, message: "cannot add the sheet '\(name)'")
    }
    for (column, title) in header.enumerated() {
      try check(worksheet_write_string(sheet, 0, lxw_col_t(column), title, bold))
    }
    for (index, row) in rows.enumerated() {
      for (column, cell) in row.enumerated() {
        try write(cell, sheet: sheet, row: lxw_row_t(index + 1), column: lxw_col_t(column))
      }
    }
    for (column, width) in widths.enumerated() {
      try check(worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), width, nil))
    }
    if !header.isEmpty {
      try check(worksheet_autofilter(sheet, 0, 0, lxw_row_t(rows.count), lxw_col_t(header.count - 1)))
      worksheet_freeze_panes(sheet, 1, 0)
    }
  }

  private func write(_ cell: SheetCell, sheet: UnsafeMutablePointer<lxw_worksheet>, row: lxw_row_t, column: lxw_col_t) throws {
    switch cell {
    case .text(let text): try check(worksheet_write_string(sheet, row, column, text, nil))
    case .number(let number): try check(worksheet_write_number(sheet, row, column, number, nil))
    case .note(let text): try check(worksheet_write_string(sheet, row, column, text, italic))
    case .blank: break
    }
  }

  /// Closes the workbook (writing the file) and returns its bytes.
  func bytes() throws -> [UInt8] {
    var properties = lxw_doc_properties()
    properties.created = 946_684_800  // 2000-01-01: a fixed time makes the file reproducible
    try check(workbook_set_properties(workbook, &properties))
    closed = true
    try check(workbook_close(workbook))
    return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  private func check(_ status: lxw_error) throws {
    guard status != LXW_NO_ERROR else { return }
    throw ExportError.library(format: "xlsx", variable: nil, message: String(cString: lxw_strerror(status)))
  }
}
