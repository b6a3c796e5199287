extension CSVWriter {
  /// True when a spreadsheet opening a CSV file could take `field` for a formula and run it.
  ///
  /// The rule: after any leading spaces, the cell starts with `=`, `+`, `-`, `@`, a tab or a
  /// carriage return (or the full-width `＝ ＋ － ＠`), and it is not a plain number. Excel and
  /// LibreOffice Calc read `=1+1`, `-5+1`, `+A1` and `@SUM(A1)` as formulas (a reference or a
  /// function such as `HYPERLINK` or `WEBSERVICE` can reach outside the sheet), but `-5`, `+3.2`
  /// and `-1e3` as numbers: a plain number holds no reference and no function, so it is written
  /// as it is, like every unsigned number.
  public static func runsAsFormula(_ field: String) -> Bool {
    guard let first = field.unicodeScalars.first(where: { $0 != " " }) else { return false }
    switch first {
    case "=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}":
      return !isPlainNumber(field)
    default:
      return false
    }
  }

  /// True for a plain number, with spaces around it or not: an optional sign, digits with
  /// at most one decimal mark (`.` or `,`; digits on at least one side of it), and an optional
  /// exponent (`e` or `E`, an optional sign, digits). `-5`, `+3.2`, `-1e3`, `-0,5`, `-.5`; not
  /// `-5+1`, `1,234.5`, `-inf` or `-0x1F`.
  public static func isPlainNumber(_ text: String) -> Bool {
    var bytes = text.utf8[...]
    while bytes.first == 0x20 { bytes.removeFirst() }
    while bytes.last == 0x20 { bytes.removeLast() }
    func isDigit(_ byte: UInt8?) -> Bool { byte.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
    func skipDigits() -> Int {
      var count = 0
      while isDigit(bytes.first) {
        bytes.removeFirst()
        count += 1
      }
      return count
    }
    if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes.removeFirst() }
    var digits = skipDigits()
    if bytes.first == UInt8(ascii: ".") || bytes.first == UInt8(ascii: ",") {
      bytes.removeFirst()
      digits += skipDigits()
    }
    guard digits > 0 else { return false }
    if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
      bytes.removeFirst()
      if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes.removeFirst() }
      guard skipDigits() > 0 else { return false }
    }
    return bytes.isEmpty
  }

  /// `field` as a log meant for spreadsheets shows it: prefixed with `'` when it
  /// ``runsAsFormula(_:)``, as it is otherwise.
  public static func neutralized(_ field: String) -> String {
    runsAsFormula(field) ? "'" + field : field
  }
}
