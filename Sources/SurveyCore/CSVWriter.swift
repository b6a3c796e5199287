/// Writes RFC 4180 CSV: fields are quoted when they hold a comma, quote, line break or edge
/// spaces; rows end with `\n`.
public struct CSVWriter {
  public private(set) var text = ""
  /// Prefix cells that a spreadsheet would run as a formula with `'` (see ``runsAsFormula(_:)``:
  /// `=1+1`, `-5+1`, `@SUM(A1)`, but not the number `-5`).
  public var neutralizesFormulas: Bool

  public init(neutralizesFormulas: Bool = false) {
    self.neutralizesFormulas = neutralizesFormulas
  }

  /// Appends one row; `nil` is written as an empty cell.
  public mutating func row(_ fields: [String?]) {
    var first = true
    for field in fields {
      if !first { text += "," }
      first = false
      if let field { text += Self.escape(field, neutralize: neutralizesFormulas) }
    }
    text += "\n"
  }

  /// `field` as a CSV cell of a file whose fields are separated by `delimiter`; with
  /// `neutralize`, as ``neutralized(_:)`` shows it.
  public static func escape(_ field: String, neutralize: Bool = false, delimiter: UInt8 = 0x2C) -> String {
    let value = neutralize ? neutralized(field) : field
    let utf8 = value.utf8
    var needsQuotes = utf8.first == 0x20 || utf8.last == 0x20
    var hasQuote = false
    for byte in utf8 where byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D {
      needsQuotes = true
      if byte == 0x22 { hasQuote = true }
    }
    guard needsQuotes else { return value }
    guard hasQuote else { return "\"" + value + "\"" }
    var quoted = "\""
    for character in value.unicodeScalars {
      quoted.unicodeScalars.append(character)
      if character == "\"" { quoted.unicodeScalars.append("\"") }
    }
    return quoted + "\""
  }
}
