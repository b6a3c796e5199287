import Foundation
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
  /// How many parts a large file is read in, each on its own core (see
  /// ``RecordReader/read(_:firstLine:delimiter:lineBreaksAllowed:idPosition:path:parts:minimumPartBytes:)``).
  var parts = ProcessInfo.processInfo.activeProcessorCount
  /// Files with fewer bytes than this per part are read in fewer parts.
  var minimumPartBytes = RecordReader.minimumPartBytes

  struct Outcome {
    var report: BatchReport
    var findings: [Finding]
    /// The records, or nil for an empty file.
    var records: RecordReader?
  }

  func finding(_ severity: Finding.Severity, _ rule: RuleID, line: Int?, variable: String? = nil, _ message: String) -> Finding {
    Finding(
      severity: severity, rule: rule, variable: variable, batch: source.name, line: line, message: message,
      batchIndex: batchIndex)
  }

  func read() throws -> Outcome {
    if source.read.values == .labels { try requireDistinctLabels() }
    let contents = try source.contents.map(FileContents.init) ?? FileContents.map(source.path)
    // The hash runs beside the parsing.
    let digest = ThreadResult<String>()
    let group = WorkerThreads()
    if schema.hashesBatches {
      group.start {
        var behind = ReleaseBehind(contents, from: contents.bytes.baseAddress)
        digest.set(FileDigest.sha256(UnsafeRawBufferPointer(contents.bytes)) { behind.reached($0) })
      }
    }
    defer { group.wait() }
    let decoded = try TextDecoder.decode(contents.bytes, declared: source.read.encoding, path: source.path, file: contents)
    // Text in another encoding was written out as UTF-8: the mapping is no longer read (but by the hash).
    if decoded.original == nil { contents.releaseAll() }
    var findings: [Finding] = []
    if decoded.source == .sniffed {
      findings.append(
        finding(
          .info, .encodingSniffed, line: nil,
          "the file is not UTF-8 and no encoding was declared; it was read as \(decoded.encoding.rawValue) (declare the encoding to be sure)"))
    }
    if let (declared, reason) = decoded.overruled {
      findings.append(
        finding(
          .warning, .encodingConflict, line: nil,
          "the pipeline declares \(declared.rawValue) but \(reason); it was read as UTF-8"))
    }

    var header: Header?
    var records: RecordReader?
    var delimiter = UInt8(ascii: ",")
    var totalLines = 0
    var leading = LeadingLines()
    try decoded.withText { decodedBytes in
      let text = BatchText(
        decodedBytes, hasCarriageReturns: decoded.hasCarriageReturns, file: decoded.original == nil ? nil : contents)
      delimiter = source.read.delimiter ?? DelimiterSniffer.sniff(decodedBytes)
      let breaks = text.lineBreaks
      // The line account's total, counted on its own, beside the parsing.
      let counter = WorkerThreads()
      let counted = ThreadResult<Int>()
      counter.start { counted.set(text.lineBreaks.lineCount(releasing: text.file)) }
      defer {
        counter.wait()
        totalLines = counted.value ?? 0
      }
      findings += undecodableFindings(decoded, breaks: breaks)
      header = try readHeader(decodedBytes, delimiter: delimiter, leading: &leading)
      for line in leading.emptyLines {
        findings.append(finding(.info, .emptyRecord, line: line, "the record has only empty fields and was skipped"))
      }
      guard let header else { return }
      let match = HeaderMatcher(schema: schema, headers: source.read.headers).match(header.names)
      if schema.reportsUnknownColumns, !schema.fields.isEmpty, match.missing.count == schema.fields.count {
        throw IngestError.unrecognizedHeader(path: source.path, line: header.line)
      }
      try requireIDColumn(match, header: header)
      findings += try headerFindings(match, header: header)
      let reader = RecordReader(
        schema: schema, targets: match.targets, headerCount: header.names.count, decimal: source.read.decimal,
        values: source.read.values)
      // Room for the records, estimated from the length of the first lines, so the columns
      // are not copied as they grow.
      reader.reserve(estimatedRecords(breaks, from: header.offset))
      try reader.read(
        text.dropFirst(header.offset), firstLine: header.nextLine, delimiter: delimiter,
        lineBreaksAllowed: lineBreaksAllowed(match.targets), idPosition: idPosition(match.targets),
        path: source.path, parts: parts, minimumPartBytes: minimumPartBytes)
      records = reader
    }
    group.wait()
    if contents.changedSinceOpened() {
      throw IngestError.unreadable(
        path: source.path, reason: "it changed while it was being read (is another program writing it?); run again once it is complete")
    }

    if let header {
      if records?.rowCount == 0 {
        findings.append(finding(.warning, .noRecords, line: header.line, "the file has a header but no records"))
      }
    } else {
      findings.append(finding(.error, .emptyFile, line: nil, "the file has no header and no records"))
    }
    for line in records?.emptyLines ?? [] {
      findings.append(finding(.info, .emptyRecord, line: Int(line), "the record has only empty fields and was skipped"))
    }
    let lines = LineAccount(
      total: totalLines, header: header == nil ? 0 : 1, records: records?.rowCount ?? 0,
      emptyRecords: leading.emptyLines.count + (records?.emptyLines.count ?? 0),
      blank: leading.blankLines + (records?.tally.blankLines ?? 0),
      continuation: records?.tally.continuationLines ?? 0)
    if !lines.accounted {
      findings.append(
        finding(
          .error, .linesUnaccounted, line: nil,
          "the file has \(lines.total) lines but \(lines.header + lines.records + lines.emptyRecords + lines.blank + lines.continuation) were read as header, records, empty records, blank lines or continuations; please report this file"))
    }
    let report = BatchReport(
      name: source.name, path: source.path, sha256: digest.value ?? "", bytes: contents.bytes.count, records: records?.rowCount ?? 0,
      encoding: decoded.encoding, encodingSource: decoded.source, byteOrderMark: decoded.hadByteOrderMark,
      delimiter: delimiter, decimal: source.read.decimal, header: header?.names ?? [], lines: lines)
    return Outcome(report: report, findings: findings, records: records)
  }

  struct Header {
    var names: [String]
    var line: Int
    /// Where the records begin.
    var offset: Int
    var nextLine: Int
  }

  /// Blank lines and records with only empty fields before the header (or in a file without one).
  struct LeadingLines {
    var blankLines = 0
    var emptyLines: [Int] = []
  }

  /// The first record, or nil when the file has none; `leading` gets the lines skipped before it.
  func readHeader(_ text: UnsafeBufferPointer<UInt8>, delimiter: UInt8, leading: inout LeadingLines) throws -> Header? {
    let parser = try CSVParser(delimiter: delimiter, path: source.path)
    let sink = FieldSink.allocate(rows: 4, fieldsPerRow: 64)
    defer { FieldSink.free(sink) }
    var scanner = RecordScanner(text, parser: parser, sink: sink, path: source.path)
    try scanner.scanHeader()
    leading.blankLines = scanner.tally.blankLines
    leading.emptyLines = (0..<sink.pointee.emptyCount).map { Int(sink.pointee.emptyLines[$0]) }
    guard sink.pointee.rowCount > 0 else { return nil }
    guard sink.pointee.rowCount == 1, !sink.pointee.recordOpen else {
      // Records after the header on its own line would be lost: refuse rather than drop them.
      throw IngestError.badHeader(
        path: source.path, line: Int(sink.pointee.rowLines[0]),
        problem: "the header's line also holds the start of the records (a line end the file does not use elsewhere?)")
    }
    let fields = Int(sink.pointee.rowFields[0])
    let names = (0..<fields).map { k in sink.pointee.fieldBytes(k).map { String(decoding: $0, as: UTF8.self) } ?? "" }
    return Header(
      names: names, line: Int(sink.pointee.rowLines[0]), offset: scanner.offset,
      nextLine: scanner.nextLine)
  }

  /// About how many records follow `start`: the bytes left over the mean length of the next
  /// 256 lines, with a little room to spare.
  func estimatedRecords(_ breaks: LineBreaks, from start: Int) -> Int {
    guard start < breaks.count else { return 0 }
    var lines = 0
    var position = start
    while lines < 256, position < breaks.count {
      position = breaks.end(from: position)
      lines += 1
    }
    guard lines > 0, position > start else { return 1 }
    let meanLength = Double(position - start) / Double(lines)
    return Int(Double(breaks.count - start) / meanLength * 1.02) + 64
  }

  /// Per header position: may its quoted fields hold line breaks (the codebook's `line_breaks`)?
  func lineBreaksAllowed(_ targets: [FieldTarget]) -> [Bool] {
    targets.map { target in
      switch target {
      case .column(let index): return schema.fields[index].lineBreaks
      case .ignore: return schema.unreadColumnsMayBreakLines
      case .split, .check: return false
      }
    }
  }

  /// The header position of the id column.
  func idPosition(_ targets: [FieldTarget]) -> Int? {
    guard let id = schema.idField, let index = schema.fields.firstIndex(where: { $0.name == id }) else { return nil }
    return targets.firstIndex { if case .column(index) = $0 { return true } else { return false } }
  }

  /// A batch without the id column would lose every record to cleaning: refuse it.
  func requireIDColumn(_ match: HeaderMatcher.Result, header: Header) throws {
    guard let id = schema.idField, let index = schema.fields.firstIndex(where: { $0.name == id }),
      match.missing.contains(index)
    else { return }
    throw IngestError.missingIDColumn(path: source.path, line: header.line, column: id, header: header.names)
  }

  /// A file written with labels can be read back to codes only when no two codes of a question
  /// share a label.
  func requireDistinctLabels() throws {
    guard let shared = schema.sharedLabel() else { return }
    throw IngestError.ambiguousLabel(
      path: source.path, variable: shared.variable, label: shared.label, first: shared.first, second: shared.second)
  }

  /// One finding per line that held bytes the encoding cannot decode.
  func undecodableFindings(_ decoded: DecodedText, breaks: LineBreaks) -> [Finding] {
    guard !decoded.invalidOffsets.isEmpty else { return [] }
    var findings: [Finding] = []
    var lastLine = 0
    for line in breaks.lines(of: decoded.invalidOffsets) where line != lastLine {
      findings.append(
        finding(
          .error, .undecodableBytes, line: line,
          "bytes that are not valid \(decoded.encoding.rawValue) were replaced by U+FFFD"))
      lastLine = line
    }
    return findings
  }
}
