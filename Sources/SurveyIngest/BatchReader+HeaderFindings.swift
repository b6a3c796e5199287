import SurveyCore

extension BatchReader {
  /// Findings about the header: repeated, unknown and missing columns, split columns for codes
  /// the codebook lacks, and the Kobo/ODK meta columns set apart.
  ///
  /// - Throws: ``IngestError`` for a repeated or missing column when the schema makes them fatal.
  func headerFindings(_ match: HeaderMatcher.Result, header: Header) throws -> [Finding] {
    var findings: [Finding] = []
    let line = header.line
    for duplicate in match.duplicates {
      if schema.missingColumnIsFatal {
        throw IngestError.duplicateColumn(
          path: source.path, line: line, column: duplicate.name, first: duplicate.firstName, variable: duplicate.field)
      }
      findings.append(
        finding(
          .error, .duplicateColumn, line: line, variable: duplicate.field,
          "columns \(duplicate.firstPosition + 1) ('\(duplicate.firstName)') and \(duplicate.position + 1) ('\(duplicate.name)') both match \(duplicate.field); only column \(duplicate.firstPosition + 1) is read"
        ))
    }
    if schema.reportsUnknownColumns {
      findings += match.unknown.map { unknownFinding($0, line: line) }
      findings += match.unknownOptions.map { option in
        finding(
          .warning, .multipleUnknownOption, line: line, variable: option.field,
          "column \(option.position + 1) ('\(option.name)') is a split column of \(option.field) for the code '\(option.option)', which the codebook does not list; its values are not read")
      }
      if let meta = metaFinding(match.meta, line: line) { findings.append(meta) }
    }
    for index in match.missing where !schema.fields[index].mayBeAbsent {
      let field = schema.fields[index]
      if schema.missingColumnIsFatal {
        throw IngestError.missingColumn(path: source.path, column: field.name, header: header.names)
      }
      findings.append(
        finding(
          field.required ? .error : .warning, .missingColumn, line: line, variable: field.name,
          "the header has no column for \(field.name)\(field.required ? ", a required variable" : "")"))
    }
    return findings
  }

  func unknownFinding(_ unknown: HeaderMatcher.Unknown, line: Int) -> Finding {
    let message: String
    if unknown.name.isEmpty {
      message = "column \(unknown.position + 1) has no name; its values are not read"
    } else if let shadow = unknown.shadowedBy {
      message =
        "column \(unknown.position + 1) ('\(unknown.name)') would match \(shadow.field) without its group path, but column \(shadow.position + 1) ('\(shadow.name)') matches it exactly; its values are not read"
    } else {
      message = "column \(unknown.position + 1) ('\(unknown.name)') matches no variable of the codebook; its values are not read"
    }
    return finding(.warning, .unknownColumn, line: line, variable: unknown.name.isEmpty ? nil : unknown.name, message)
  }

  /// How many meta columns listed by name at most.
  static let metaNamesListed = 5

  /// One finding for all the Kobo/ODK meta columns the codebook does not name, or nil for none.
  func metaFinding(_ meta: [(position: Int, name: String)], line: Int) -> Finding? {
    guard !meta.isEmpty else { return nil }
    let listed = meta.prefix(Self.metaNamesListed).map { "'\($0.name)'" }.joined(separator: ", ")
    let more = meta.count > Self.metaNamesListed ? " and \(meta.count - Self.metaNamesListed) more" : ""
    let count = meta.count == 1 ? "1 Kobo/ODK meta column" : "\(meta.count) Kobo/ODK meta columns"
    return finding(
      .info, .metaColumns, line: line,
      "\(count) the codebook does not name \(meta.count == 1 ? "is" : "are") not read: \(listed)\(more)")
  }
}
