import SurveyCore

/// The raw text of chosen records of a batch, for `validation.html`: each record is read again
/// from its file (through libcsv, as ingest read it) and written back as one CSV record in which
/// every cell a reviewer may not see is masked.
///
/// Masked are the cells of personal-data variables and of columns that no variable reads (the
/// codebook does not say they are not personal). A record that cannot be split into as many
/// fields as the header has (ragged, broken quoting, a quoted field running over lines) cannot
/// be masked cell by cell: it is left out, unless the batch has no masked column at all.
public enum RawRecords {
  /// What a masked cell shows.
  public static let mask = "•••"
  /// The most Unicode scalars of one record's text (each cell is first cut at
  /// ``SurveyCore/LogText/valueLimit``, as in every log).
  public static let recordLimit = 2_000
  /// The most physical lines one record may span to be shown.
  static let maximumLines = 100

  /// The records of `source` that start on the keys of `lines`, by line.
  ///
  /// - Parameters:
  ///   - lines: per record wanted, its first line and the line where the batch's next record
  ///     starts (`Int.max` for the last): read again, a record must end before that line, or it
  ///     is not the record ingest read (a stray quote joined it to the next ones) and is left out.
  ///   - report: what ingest learned of the batch (its delimiter, header and SHA-256). A file
  ///     whose bytes have changed since gives nothing: its lines may no longer be the records.
  ///   - schema: the schema ingest read the batch with, to match header columns to variables.
  ///   - personal: the variables whose cells are masked (the codebook's `pii` ones).
  /// - Throws: ``IngestError/unreadable(path:reason:)`` when the file cannot be read again.
  public static func read(
    _ source: BatchSource, report: BatchReport, lines: [Int: Int], schema: IngestSchema, personal: Set<String>
  ) throws -> [Int: String] {
    guard !lines.isEmpty, !report.header.isEmpty else { return [:] }
    let raw = try source.contents ?? FileBytes.read(source.path)
    guard FileDigest.sha256(raw) == report.sha256 else { return [:] }
    let decoded = try TextDecoder.decode(raw, declared: source.read.encoding, path: source.path)
    let shown = HeaderMatcher(schema: schema, headers: source.read.headers).match(report.header).targets.map { target -> Bool in
      switch target {
      case .ignore: return false
      case .column(let index), .split(let index, _), .check(let index, _):
        return !personal.contains(schema.fields[index].name)
      }
    }
    let writer = RecordWriter(delimiter: report.delimiter, shown: shown)
    let parser = try CSVParser(delimiter: report.delimiter, path: source.path)
    let sink = FieldSink.allocate(rows: 4, fieldsPerRow: max(shown.count, 1))
    defer { FieldSink.free(sink) }
    var texts: [Int: String] = [:]
    try decoded.withText { text in
      let breaks = LineBreaks(text)
      var line = 1
      var position = 0
      for (wanted, next) in lines.sorted(by: { $0.key < $1.key }) {
        while line < wanted, position < text.count {
          position = breaks.end(from: position)
          line += 1
        }
        guard line == wanted, position < text.count else { break }
        try parser.reset()
        sink.pointee.clear()
        // A record left open by broken quoting must not leave the next one without its row.
        sink.pointee.recordOpen = false
        let parsed = parseRecord(
          text, from: position, lines: min(maximumLines, max(1, next - wanted)), breaks: breaks, parser: parser,
          sink: sink)
        if parsed, sink.pointee.rowCount == 1, Int(sink.pointee.rowFields[0]) == shown.count {
          texts[wanted] = writer.record(sink)
        } else if !shown.contains(false) {
          let end = breaks.end(from: position)
          texts[wanted] = writer.physicalLine(UnsafeBufferPointer(rebasing: text[position..<end]))
        }
      }
    }
    return texts
  }

  /// Feeds `parser` the lines from `start` until one record has ended; false when the quoting
  /// is broken or the record runs over more than `lines` lines.
  static func parseRecord(
    _ text: UnsafeBufferPointer<UInt8>, from start: Int, lines: Int, breaks: LineBreaks, parser: CSVParser,
    sink: UnsafeMutablePointer<FieldSink>
  ) -> Bool {
    var position = start
    for _ in 0..<lines where position < text.count {
      let end = breaks.end(from: position)
      guard parser.parse(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: text[position..<end])), into: sink) == nil
      else { return false }
      position = end
      if sink.pointee.rowCount > 0, !sink.pointee.recordOpen { return true }
    }
    guard position >= text.count else { return false }
    return parser.finish(into: sink) == nil && sink.pointee.rowCount > 0
  }
}

/// Writes a parsed record back as CSV text, masking the cells of hidden header positions.
struct RecordWriter {
  let delimiter: UInt8
  /// Per header position: the cell may be shown.
  let shown: [Bool]

  /// The record in `sink` (its only one), its cells cut at the log limit and quoted where needed.
  func record(_ sink: UnsafeMutablePointer<FieldSink>) -> String {
    let separator = String(UnicodeScalar(delimiter))
    let cells = (0..<Int(sink.pointee.rowFields[0])).map { position -> String in
      guard shown[position] else { return RawRecords.mask }
      guard let slot = sink.pointee.slot(of: position), let bytes = sink.pointee.fieldBytes(sink.pointee.rowFirst[0] + slot)
      else { return "" }
      return quoted(LogText.capped(String(decoding: bytes, as: UTF8.self)))
    }
    return LogText.capped(cells.joined(separator: separator), limit: RawRecords.recordLimit)
  }

  /// A physical line as it is, without its line end (for batches with nothing to mask).
  func physicalLine(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    var text = String(decoding: bytes, as: UTF8.self)
    while let last = text.unicodeScalars.last, last == "\n" || last == "\r" { text.unicodeScalars.removeLast() }
    return LogText.capped(text, limit: RawRecords.recordLimit)
  }

  /// `cell` in quotes (inner quotes doubled) when it is empty (a quoted empty field), holds the
  /// delimiter, a quote or a line break, or starts or ends with a space; else as it is.
  func quoted(_ cell: String) -> String {
    // Byte by byte: the delimiter, the quote and the line ends are ASCII, and no byte of a
    // multi-byte character is below 0x80.
    let utf8 = cell.utf8
    let needs =
      utf8.isEmpty || utf8.first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ")
      || utf8.contains { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
    guard needs else { return cell }
    return "\"" + cell.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
  }
}
