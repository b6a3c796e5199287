/// Writes RFC 4180 CSV: fields are quoted when they hold a comma, quote, line break or edge
/// spaces; rows end with `\n`.
public struct CSVWriter {
  public private(set) var text = ""
  /// Prefix cells that a spreadsheet would run as a formula (`= + - @`, tab, CR) with `'`.
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

  /// `field` as a CSV cell.
  public static func escape(_ field: String, neutralize: Bool = false) -> String {
    var value = field
    if neutralize, let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
      value = "'" + value
    }
    let needsQuotes =
      value.isEmpty == false
      && (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
        || value.first == " " || value.last == " ")
    if needsQuotes {
      return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return value
  }
}

extension String {
  func replacingOccurrences(of target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = self[...]
    while let range = rest.range(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    result += rest
    return result
  }
}
