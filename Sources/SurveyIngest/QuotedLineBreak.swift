import SurveyCore

/// The finding for a record set aside because a quoted field ran past the end of its line in a
/// column whose answers may not hold line breaks: the mark of a stray quote, which would
/// otherwise make the following records one legitimate-looking cell.
enum QuotedLineBreak {
  static let rule = RuleID.quotedLineBreak

  /// Names the column, the lines the field runs over and what happened to them; never the text.
  static func message(_ span: LineSpan, header: [String]) -> String {
    let name = span.column < header.count && !header[span.column].isEmpty
      ? "column \(span.column + 1) ('\(header[span.column])')" : "column \(span.column + 1)"
    let reread: String
    switch span.lineCount {
    case ...1: reread = ""
    case 2: reread = "; line \(span.lastLine) was read as a record of its own"
    default: reread = "; lines \(span.firstLine + 1)–\(span.lastLine) were read as records of their own"
    }
    let hint = " (if this column's answers may span lines, make it a text variable with `line_breaks: true` in the codebook)"
    if let swallowed = span.swallowedLine {
      return "a quoted field in \(name), whose answers may hold line breaks, opens on line \(span.firstLine), and its "
        + "line \(swallowed) reads as a record of its own (as many fields as the header): taken for records swallowed "
        + "between two stray quotes, the record is set aside (the field runs to line \(span.lastLine), "
        + "\(span.lineCount) lines)" + reread
    }
    switch span.end {
    case .closed:
      return "a quoted field in \(name) runs from line \(span.firstLine) to line \(span.lastLine) "
        + "(\(span.lineCount) lines), but the codebook does not allow line breaks there: the record is set aside"
        + reread + hint
    case .broken:
      return "a quote opened in \(name) on line \(span.firstLine) runs to line \(span.lastLine) "
        + "(\(span.lineCount) lines), where its quoting breaks: the record is set aside" + reread
    case .unclosed:
      return "a quote opened in \(name) on line \(span.firstLine) is never closed: it would run over lines "
        + "\(span.firstLine)–\(span.lastLine) (\(span.lineCount) lines) to the end of the file; the record is set aside" + reread
    case .tooLong:
      return "a quoted field in \(name) runs from line \(span.firstLine) past line \(span.lastLine), "
        + "beyond the limit of \(RecordScanner.maximumFieldLines) lines a field may hold: the record is set aside" + reread
    }
  }
}
