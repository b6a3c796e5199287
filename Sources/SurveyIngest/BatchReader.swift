import Dispatch
import SurveyCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads one batch file: bytes, hash (on another thread), encoding, delimiter, header matching,
/// then every record (parsing and column conversion on two threads).
struct BatchReader {
  let source: BatchSource
  let batchIndex: Int
  let schema: IngestSchema

  struct Outcome {
    var report: BatchReport
    var findings: [Finding]
    /// The records, or nil for an empty file.
    var records: RecordReader?
  }

  func finding(_ severity: Finding.Severity, _ rule: String, line: Int?, variable: String? = nil, _ message: String) -> Finding {
    Finding(
      severity: severity, rule: rule, variable: variable, batch: source.name, line: line, message: message,
      batchIndex: batchIndex)
  }

  func read() throws -> Outcome {
    let raw = try FileBytes.read(source.path)
    // The hash runs beside the parsing.
    let digest = Digest()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { [raw] in digest.value = FileDigest.sha256(raw) }
    defer { group.wait() }
    let decoded = try TextDecoder.decode(raw, declared: source.read.encoding, path: source.path)
    var findings: [Finding] = []
    if decoded.source == .sniffed {
      findings.append(
        finding(
          .info, "encoding-sniffed", line: nil,
          "the file is not UTF-8 and no encoding was declared; it was read as \(decoded.encoding.rawValue) (declare the encoding to be sure)"))
    }
    if let (declared, reason) = decoded.overruled {
      findings.append(
        finding(
          .warning, "encoding-conflict", line: nil,
          "the pipeline declares \(declared.rawValue) but \(reason); it was read as UTF-8"))
    }

    var header: Header?
    var records: RecordReader?
    var delimiter = UInt8(ascii: ",")
    try decoded.bytes.withUnsafeBufferPointer { text in
      delimiter = source.read.delimiter ?? DelimiterSniffer.sniff(text)
      let separator = RecordScanner.separator(of: text)
      findings += undecodableFindings(decoded, separator: separator)
      header = try readHeader(text, separator: separator, delimiter: delimiter)
      guard let header else { return }
      for line in header.emptyLines {
        findings.append(finding(.info, "empty-record", line: line, "the record has only empty fields and was skipped"))
      }
      let match = HeaderMatcher(schema: schema).match(header.names)
      if schema.reportsUnknownColumns, !schema.fields.isEmpty, match.missing.count == schema.fields.count {
        throw IngestError.unrecognizedHeader(path: source.path, line: header.line)
      }
      findings += try headerFindings(match, header: header)
      let reader = RecordReader(
        schema: schema, targets: match.targets, headerCount: header.names.count, decimal: source.read.decimal)
      // Room for the records, estimated from the length of the first lines, so the columns
      // are not copied as they grow.
      reader.reserve(estimatedRecords(text, from: header.offset, separator: separator))
      try reader.read(
        UnsafeBufferPointer(rebasing: text[header.offset...]), firstLine: header.nextLine, separator: separator,
        delimiter: delimiter, path: source.path)
      records = reader
    }
    group.wait()

    if let header {
      if records?.rowCount == 0 {
        findings.append(finding(.warning, "no-records", line: header.line, "the file has a header but no records"))
      }
    } else {
      findings.append(finding(.error, "empty-file", line: nil, "the file has no header and no records"))
    }
    for line in records?.emptyLines ?? [] {
      findings.append(finding(.info, "empty-record", line: Int(line), "the record has only empty fields and was skipped"))
    }
    let report = BatchReport(
      name: source.name, path: source.path, sha256: digest.value, bytes: raw.count, records: records?.rowCount ?? 0,
      encoding: decoded.encoding, encodingSource: decoded.source, byteOrderMark: decoded.hadByteOrderMark,
      delimiter: delimiter, decimal: source.read.decimal, header: header?.names ?? [])
    return Outcome(report: report, findings: findings, records: records)
  }

  struct Header {
    var names: [String]
    var line: Int
    /// Lines of records with only empty fields before the header (skipped).
    var emptyLines: [Int]
    /// Where the records begin.
    var offset: Int
    var nextLine: Int
  }

  /// The first record, or nil when the file has none.
  func readHeader(_ text: UnsafeBufferPointer<UInt8>, separator: UInt8, delimiter: UInt8) throws -> Header? {
    let parser = try CSVParser(delimiter: delimiter, lineEnd: separator, path: source.path)
    let sink = UnsafeMutablePointer<FieldSink>.allocate(capacity: 1)
    sink.initialize(to: FieldSink(rows: 4, fieldsPerRow: 64))
    defer {
      sink.pointee.deallocate()
      sink.deinitialize(count: 1)
      sink.deallocate()
    }
    var scanner = RecordScanner(text, separator: separator, parser: parser, sink: sink, path: source.path)
    try scanner.scanHeader()
    guard sink.pointee.rowCount > 0 else { return nil }
    guard sink.pointee.rowCount == 1, !sink.pointee.recordOpen else {
      // Records after the header on its own line would be lost: refuse rather than drop them.
      throw IngestError.badHeader(
        path: source.path, line: Int(sink.pointee.rowLines[0]),
        problem: "the header's line also holds the start of the records (a line end the file does not use elsewhere?)")
    }
    let fields = Int(sink.pointee.rowFields[0])
    let names = (0..<fields).map { k in sink.pointee.fieldBytes(k).map { String(decoding: $0, as: UTF8.self) } ?? "" }
    let empty = (0..<sink.pointee.emptyCount).map { Int(sink.pointee.emptyLines[$0]) }
    return Header(
      names: names, line: Int(sink.pointee.rowLines[0]), emptyLines: empty, offset: scanner.offset,
      nextLine: scanner.nextLine)
  }

  /// About how many records follow `start`: the bytes left over the mean length of the next
  /// 256 lines, with a little room to spare.
  func estimatedRecords(_ text: UnsafeBufferPointer<UInt8>, from start: Int, separator: UInt8) -> Int {
    guard let base = text.baseAddress, start < text.count else { return 0 }
    var lines = 0
    var position = start
    while lines < 256, position < text.count, let hit = memchr(base + position, Int32(separator), text.count - position) {
      lines += 1
      position = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base + 1
    }
    guard lines > 0, position > start else { return 1 }
    let meanLength = Double(position - start) / Double(lines)
    return Int(Double(text.count - start) / meanLength * 1.02) + 64
  }

  func headerFindings(_ match: HeaderMatcher.Result, header: Header) throws -> [Finding] {
    var findings: [Finding] = []
    let line = header.line
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
        throw IngestError.missingColumn(path: source.path, column: field.name, header: header.names)
      }
      findings.append(
        finding(
          field.required ? .error : .warning, "missing-column", line: line, variable: field.name,
          "the header has no column for \(field.name)\(field.required ? ", a required variable" : "")"))
    }
    return findings
  }

  /// One finding per line that held bytes the encoding cannot decode.
  func undecodableFindings(_ decoded: DecodedText, separator: UInt8) -> [Finding] {
    guard !decoded.invalidOffsets.isEmpty else { return [] }
    var findings: [Finding] = []
    var line = 1
    var position = 0
    var lastLine = 0
    let bytes = decoded.bytes
    for offset in decoded.invalidOffsets {
      while position < offset {
        if bytes[position] == separator { line += 1 }
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

/// The hash computed beside the parsing.
///
/// `@unchecked Sendable`: `value` is written once by the background task of `read()` and read
/// only after `group.wait()`, which orders the write before the read.
private final class Digest: @unchecked Sendable {
  var value = ""
}
