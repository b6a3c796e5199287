/// One cell of a spreadsheet.
public enum SheetCell: Sendable, Equatable {
  case text(String)
  /// A number, written as a number (never as text).
  case number(Double)
  /// Text in italics, standing for a number that is not given ("suppressed (n<10)").
  case note(String)
  case blank

  /// A number, or blank for nil and non-finite values.
  public static func number(_ value: Double?) -> SheetCell {
    guard let value, value.isFinite else { return .blank }
    return .number(value)
  }
}

/// One sheet: a header row (bold, with a filter, frozen) and the rows below it.
public struct Sheet: Sendable {
  public var name: String
  public var header: [String]
  public var rows: [[SheetCell]]
  /// Column widths in characters (the first columns; the others keep Excel's default).
  public var widths: [Double]

  public init(name: String, header: [String], rows: [[SheetCell]], widths: [Double] = []) {
    self.name = name
    self.header = header
    self.rows = rows
    self.widths = widths
  }

  /// `text` made a valid, unique sheet name: at most 31 characters, none of `[]:*?/\`, not one
  /// of `taken` (a number is added).
  public static func name(_ text: String, avoiding taken: Set<String>) -> String {
    let cleaned = String(text.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
    var name = cleaned.isEmpty ? "sheet" : cleaned
    var suffix = 2
    while taken.contains(name.lowercased()) {
      name = String(cleaned.prefix(31 - String(suffix).count - 1)) + "_\(suffix)"
      suffix += 1
    }
    return name
  }
}

/// An Excel workbook (`.xlsx`) of sheets, as bytes; the same sheets give the same bytes.
public enum SpreadsheetFile {
  public static func bytes(_ sheets: [Sheet]) throws -> [UInt8] {
    let workbook = try WorkbookWriter()
    for sheet in sheets {
      try workbook.addSheet(sheet.name, header: sheet.header, rows: sheet.rows, widths: sheet.widths)
    }
    return try workbook.bytes()
  }
}
