import SurveyCore

/// Reads one batch file into the shared ``RecordAssembler``: bytes, hash, encoding, delimiter,
/// header matching, then every record.
struct BatchReader {
  let source: BatchSource
  let batchIndex: Int
  let schema: IngestSchema
  let assembler: RecordAssembler

  struct Outcome {
    var report: BatchReport
    var findings: [Finding]
    /// Row-level findings, completed once the table (and so record ids) exists.
    var rowFindings: [(row: Int, rule: String, message: String)]
  }

  func finding(_ severity: Finding.Severity, _ rule: String, line: Int?, variable: String? = nil, _ message: String) -> Finding {
    Finding(
      severity: severity, rule: rule, variable: variable, batch: source.name, line: line, message: message,
      batchIndex: batchIndex)
  }

  func read() throws -> Outcome {
    let raw = try FileBytes.read(source.path)
    var hasher = SHA256()
    hasher.update(raw)
    let digest = hasher.finalizeHex()
    let decoded = try TextDecoder.decode(raw, declared: source.read.encoding, path: source.path)
    var findings: [Finding] = []
    var rowFindings: [(row: Int, rule: String, message: String)] = []
    let firstRow = assembler.rowCount

    let delimiter: UInt8 = decoded.bytes.withUnsafeBufferPointer {
      source.read.delimiter ?? DelimiterSniffer.sniff($0)
    }
    if decoded.source == .sniffed {
      findings.append(
        finding(
          .info, "encoding-sniffed", line: nil,
          "the file is not UTF-8 and no encoding was declared; it was read as \(decoded.encoding.rawValue) (declare the encoding to be sure)"))
    }
    findings += undecodableFindings(decoded)

    let parser = try CSVParser(delimiter: delimiter, path: source.path)
    assembler.mode = .header
    assembler.header = []
    assembler.targets = []
    assembler.batch = UInt16(batchIndex)
    assembler.decimal = source.read.decimal
    let raggedBefore = assembler.ragged.count
    let emptyBefore = assembler.emptyRecordLines.count
    let issuesBefore = Set(assembler.rowIssues.keys)

    try decoded.bytes.withUnsafeBufferPointer { text in
      var scanner = RecordScanner(text, parser: parser, assembler: assembler, path: source.path)
      try scanner.scanHeader()
      if assembler.mode == .header || assembler.header.allSatisfy({ $0.isEmpty }) {
        return  // no header: an empty file
      }
      let match = HeaderMatcher(schema: schema).match(assembler.header)
      findings += try headerFindings(match)
      assembler.targets = match.targets
      try scanner.scanRecords()
    }

    let header = assembler.header
    if assembler.mode == .header || header.allSatisfy({ $0.isEmpty }) {
      findings.append(finding(.error, "empty-file", line: nil, "the file has no header and no records"))
    } else if assembler.rowCount == firstRow {
      findings.append(finding(.warning, "no-records", line: Int(assembler.headerLine), "the file has a header but no records"))
    }
    for (row, fields) in assembler.ragged[raggedBefore...] {
      rowFindings.append(
        (row, "ragged-row", "the record has \(fields) field\(fields == 1 ? "" : "s"); the header has \(header.count)"))
    }
    for (row, issue) in assembler.rowIssues where issue.rule == "bad-quote" && !issuesBefore.contains(row) {
      rowFindings.append(
        (row, "bad-quote", "a quote is not closed, or text follows a closing quote; the record cannot be split into fields"))
    }
    rowFindings.sort { $0.row < $1.row }
    for line in assembler.emptyRecordLines[emptyBefore...] {
      findings.append(finding(.info, "empty-record", line: Int(line), "the record has only empty fields and was skipped"))
    }
    let report = BatchReport(
      name: source.name, path: source.path, sha256: digest, bytes: raw.count, records: assembler.rowCount - firstRow,
      encoding: decoded.encoding, encodingSource: decoded.source, byteOrderMark: decoded.hadByteOrderMark,
      delimiter: delimiter, decimal: source.read.decimal, header: header)
    return Outcome(report: report, findings: findings, rowFindings: rowFindings)
  }

  func headerFindings(_ match: HeaderMatcher.Result) throws -> [Finding] {
    var findings: [Finding] = []
    let line = Int(assembler.headerLine)
    for duplicate in match.duplicates {
      if schema.missingColumnIsFatal {
        throw IngestError.duplicateColumn(path: source.path, line: line, column: duplicate.name)
      }
      findings.append(
        finding(
          .error, "duplicate-column", line: line, variable: duplicate.field,
          "column \(duplicate.position + 1) ('\(duplicate.name)') repeats a column already read as \(duplicate.field); its values are not read"))
    }
    if schema.reportsUnknownColumns {
      for unknown in match.unknown {
        findings.append(
          finding(
            .warning, "unknown-column", line: line, variable: unknown.name.isEmpty ? nil : unknown.name,
            unknown.name.isEmpty
              ? "column \(unknown.position + 1) has no name; its values are not read"
              : "column \(unknown.position + 1) ('\(unknown.name)') matches no variable of the codebook; its values are not read"))
      }
    }
    for index in match.missing {
      let field = schema.fields[index]
      if schema.missingColumnIsFatal {
        throw IngestError.missingColumn(path: source.path, column: field.name, header: assembler.header)
      }
      findings.append(
        finding(
          field.required ? .error : .warning, "missing-column", line: line, variable: field.name,
          "the header has no column for \(field.name)\(field.required ? ", a required variable" : "")"))
    }
    return findings
  }

  /// One finding per line that held bytes the encoding cannot decode.
  func undecodableFindings(_ decoded: DecodedText) -> [Finding] {
    guard !decoded.invalidOffsets.isEmpty else { return [] }
    var findings: [Finding] = []
    var line = 1
    var position = 0
    var lastLine = 0
    let bytes = decoded.bytes
    for offset in decoded.invalidOffsets {
      while position < offset {
        if bytes[position] == 0x0A { line += 1 }
        position += 1
      }
      if line != lastLine {
        findings.append(
          finding(
            .error, "undecodable-bytes", line: line,
            "bytes that are not valid \(decoded.encoding.rawValue) were replaced by U+FFFD"))
        lastLine = line
      }
    }
    return findings
  }
}
