import Dispatch
import SurveyCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads one batch file: bytes, hash, encoding, delimiter, header matching, then every record,
/// on two cores for large files (split at a line end outside quotes).
struct BatchReader {
  let source: BatchSource
  let batchIndex: Int
  let schema: IngestSchema

  /// Files larger than this are read by two threads.
  static let parallelBytes = 4 << 20

  struct Outcome {
    var report: BatchReport
    var findings: [Finding]
    /// The records, or nil for an empty file.
    var part: PartReader?
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
    if let declared = decoded.overruled {
      findings.append(
        finding(
          .warning, "encoding-conflict", line: nil,
          "the pipeline declares \(declared.rawValue) but the file starts with a UTF-8 byte-order mark; it was read as UTF-8"))
    }

    var header: Header?
    var part: PartReader?
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
      let ranges = split(text, from: header.offset, separator: separator)
      let readers = ranges.map { _ in
        PartReader(schema: schema, targets: match.targets, headerCount: header.names.count, decimal: source.read.decimal)
      }
      let firstLines = lineNumbers(text, ranges: ranges, firstLine: header.nextLine, separator: separator)
      // Lines estimate records; the first part also makes room for the later parts it absorbs.
      let estimates = zip(ranges.indices, ranges).map { k, range in
        (k + 1 < ranges.count ? firstLines[k + 1] : firstLines[k] + lineCount(text, range, separator: separator))
          - firstLines[k]
      }
      for (k, reader) in readers.enumerated() { reader.reserve(k == 0 ? estimates.reduce(0, +) : estimates[k]) }
      let errors = ErrorBox(count: ranges.count)
      // The text outlives the threads: concurrentPerform returns when every part is read.
      nonisolated(unsafe) let shared = text
      let fieldDelimiter = delimiter
      DispatchQueue.concurrentPerform(iterations: ranges.count) { k in
        do {
          try readers[k].read(
            UnsafeBufferPointer(rebasing: shared[ranges[k]]), firstLine: firstLines[k], separator: separator,
            delimiter: fieldDelimiter, path: source.path)
        } catch {
          errors.set(k, error)
        }
      }
      if let error = errors.first { throw error }
      for reader in readers.dropFirst() { readers[0].append(reader) }
      part = readers[0]
    }
    group.wait()

    if let header {
      if part?.rowCount == 0 {
        findings.append(finding(.warning, "no-records", line: header.line, "the file has a header but no records"))
      }
    } else {
      findings.append(finding(.error, "empty-file", line: nil, "the file has no header and no records"))
    }
    for line in part?.emptyLines ?? [] {
      findings.append(finding(.info, "empty-record", line: Int(line), "the record has only empty fields and was skipped"))
    }
    let report = BatchReport(
      name: source.name, path: source.path, sha256: digest.value, bytes: raw.count, records: part?.rowCount ?? 0,
      encoding: decoded.encoding, encodingSource: decoded.source, byteOrderMark: decoded.hadByteOrderMark,
      delimiter: delimiter, decimal: source.read.decimal, header: header?.names ?? [])
    return Outcome(report: report, findings: findings, part: part)
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

  /// The byte ranges the records are read in: one, or two for a large file when a line end
  /// near the middle lies outside quotes.
  func split(_ text: UnsafeBufferPointer<UInt8>, from start: Int, separator: UInt8) -> [Range<Int>] {
    let count = text.count
    guard count - start > Self.parallelBytes, let base = text.baseAddress else { return [start..<count] }
    var quotes = 0
    var scanned = start
    var candidate = start + (count - start) / 2
    while candidate < count {
      guard let hit = memchr(base + candidate, Int32(separator), count - candidate) else { break }
      let end = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base + 1
      while scanned < end {
        guard let q = memchr(base + scanned, 0x22, end - scanned) else { break }
        quotes += 1
        scanned = UnsafePointer<UInt8>(q.assumingMemoryBound(to: UInt8.self)) - base + 1
      }
      scanned = end
      if quotes % 2 == 0 {
        return end < count ? [start..<end, end..<count] : [start..<count]
      }
      candidate = end
    }
    return [start..<count]
  }

  /// The number of line ends in `range`.
  func lineCount(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, separator: UInt8) -> Int {
    guard let base = text.baseAddress else { return 0 }
    var count = 0
    var position = range.lowerBound
    while position < range.upperBound, let hit = memchr(base + position, Int32(separator), range.upperBound - position) {
      count += 1
      position = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base + 1
    }
    return count
  }

  /// The line number at the start of each range.
  func lineNumbers(_ text: UnsafeBufferPointer<UInt8>, ranges: [Range<Int>], firstLine: Int, separator: UInt8) -> [Int] {
    guard let base = text.baseAddress else { return ranges.map { _ in firstLine } }
    var lines: [Int] = []
    var line = firstLine
    var position = ranges.first?.lowerBound ?? 0
    for range in ranges {
      while position < range.lowerBound, let hit = memchr(base + position, Int32(separator), range.lowerBound - position) {
        line += 1
        position = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base + 1
      }
      position = range.lowerBound
      lines.append(line)
    }
    return lines
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
private final class Digest: @unchecked Sendable {
  var value = ""
}

/// The first error of the threads that read the parts of a batch, in part order.
private final class ErrorBox: @unchecked Sendable {
  private var errors: [Error?]
  private let lock = NSLockShim()

  init(count: Int) { errors = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ error: Error) {
    lock.locked { errors[index] = error }
  }

  var first: Error? { errors.compactMap { $0 }.first }
}

/// A pthread mutex, to avoid importing Foundation here.
private final class NSLockShim: @unchecked Sendable {
  private var mutex = pthread_mutex_t()
  init() { pthread_mutex_init(&mutex, nil) }
  deinit { pthread_mutex_destroy(&mutex) }
  func locked(_ body: () -> Void) {
    pthread_mutex_lock(&mutex)
    body()
    pthread_mutex_unlock(&mutex)
  }
}
