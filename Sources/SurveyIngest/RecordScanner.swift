/// Feeds decoded text to libcsv one physical line at a time, so every record knows the lines it
/// spans, and recovers from malformed quoting and from quoted fields that swallow lines.
///
/// - When libcsv (strict mode) rejects a quote, or a quote is still open at the end of the input,
///   the record that was being read is flagged and reading resumes on the line after the one
///   where that record began: one broken record never swallows the rest of the file.
/// - When a quoted field runs past the end of its line in a column that may not hold line
///   breaks (``IngestField/lineBreaks``), the scanner reads on to learn where the field would
///   end, sets the record aside (keeping only the fields before that one) with a ``LineSpan``
///   saying which lines it would have swallowed, and reads those lines as records of their own.
/// - Every physical line is accounted for in ``LineTally``: header, record, empty record, blank,
///   or the continuation of a record whose quoted field may hold line breaks.
struct RecordScanner {
  /// A quoted field may run over at most this many lines, even where line breaks are allowed;
  /// past that the record is set aside (this also bounds the look-ahead on hostile input).
  static let maximumFieldLines = 10_000

  let breaks: LineBreaks
  let parser: CSVParser
  /// Where fields go; `scanRecords` swaps in a fresh sink at each chunk boundary.
  private(set) var sink: UnsafeMutablePointer<FieldSink>
  let path: String
  /// Per header position: the column's quoted fields may hold line breaks.
  let lineBreaksAllowed: [Bool]
  /// The header position of the id column, if the batch has one.
  let idPosition: Int?
  private(set) var tally = LineTally()
  private var position = 0
  private var line: Int
  private var recordStartLine: Int
  private var recordStartOffset = 0
  /// The header position of a quoted field that ran past its line where it may not.
  private var spanColumn: Int?
  /// The continuation line that read as a record of its own, in a field that may hold line breaks.
  private var swallowedLine: Int?
  /// The header position of a quoted field of the record being read that runs over lines where
  /// line breaks are allowed.
  private var breakingColumn: Int?
  /// Continuation lines counted for the record being read (taken back if it is set aside).
  private var recordContinuations = 0
  private var readingHeader = false
  /// Offsets (ascending) where reading may stop: the first one met between records.
  private var stops: ArraySlice<Int> = []
  /// The offset of `stops` where reading stopped; nil when it read to the end.
  private(set) var stoppedAt: Int?

  /// - Parameters:
  ///   - text: the bytes to read.
  ///   - start: the offset to begin at (the start of a line, between records).
  ///   - firstLine: the line number of the byte at `start`.
  ///   - lineBreaksAllowed: per header position, whether quoted fields may span lines.
  init(
    _ text: UnsafeBufferPointer<UInt8>, start: Int = 0, firstLine: Int = 1, parser: CSVParser, sink: UnsafeMutablePointer<FieldSink>,
    path: String, lineBreaksAllowed: [Bool] = [], idPosition: Int? = nil, hasCarriageReturns: Bool? = nil
  ) {
    self.idPosition = idPosition
    breaks = LineBreaks(text, hasCarriageReturns: hasCarriageReturns)
    self.parser = parser
    self.sink = sink
    self.path = path
    self.lineBreaksAllowed = lineBreaksAllowed
    position = start
    recordStartOffset = start
    line = firstLine
    recordStartLine = firstLine
  }

  /// The offset of the next byte to read.
  var offset: Int { position }
  /// The line number of the next byte to read.
  var nextLine: Int { line }

  /// Reads the first record (the header) into the sink.
  ///
  /// - Throws: ``IngestError/badHeader(path:line:problem:)`` for broken quoting in the header or
  ///   a quoted column name that runs over several lines.
  mutating func scanHeader() throws {
    readingHeader = true
    defer { readingHeader = false }
    try run(chunkRows: 0, until: { $0.rowCount >= 1 && !$0.recordOpen }, flush: { sink, _ in sink })
  }

  /// Reads every remaining record, or those before the first offset of `stops` that a record
  /// begins at (see ``stoppedAt``): a record that runs over a stop is read whole, as it would be
  /// without stops, and the scan goes on to the next one. Whenever `chunkRows` records are
  /// waiting (between records), and once at the end, `flush` gets the full sink, with the
  /// offset before which the scan will not read again, and returns the sink to fill next.
  mutating func scanRecords(
    chunkRows: Int, stops: [Int] = [],
    flush: (UnsafeMutablePointer<FieldSink>, Int) throws -> UnsafeMutablePointer<FieldSink>
  ) throws {
    self.stops = stops[...]
    try run(chunkRows: chunkRows, until: { _ in false }, flush: flush)
    sink = try flush(sink, position)
  }

  private func allowsLineBreaks(_ column: Int) -> Bool {
    column < lineBreaksAllowed.count && lineBreaksAllowed[column]
  }

  /// Sets the record being read aside and resumes on the line after its first line.
  private mutating func restartAfterRecordStart() throws {
    try parser.reset()
    position = breaks.end(from: recordStartOffset)
    line = recordStartLine + 1
    tally.continuationLines -= recordContinuations
    recordContinuations = 0
    spanColumn = nil
    swallowedLine = nil
    breakingColumn = nil
  }

  /// Where line breaks are allowed, a continuation line that reads as a whole record by itself
  /// is taken for records swallowed between two stray quotes. A line inside the field: when it
  /// has as many fields as the header. The field's last line (which also holds the rest of the
  /// record, so free text with delimiters can look like a record): only when, besides, its
  /// field in the id's place has the shape of the record's own id.
  private mutating func checkSwallowed(lineStart: Int, line lineNumber: Int, isLast: Bool) {
    guard spanColumn == nil, let column = breakingColumn, let fields = freshFields(from: lineStart),
      fields.count == lineBreaksAllowed.count
    else { return }
    if isLast {
      guard let id = idPosition, id < column, let ownID = sink.pointee.currentRecordField(id) else { return }
      let candidate = UnsafeBufferPointer(start: breaks.base + fields[id].lowerBound, count: fields[id].count)
      guard RecordIDTrust.shape(candidate) == RecordIDTrust.shape(ownID) else { return }
    }
    spanColumn = column
    swallowedLine = lineNumber
  }

  /// The fields of the line at `offset` read by itself, as byte ranges (quotes and spaces
  /// included), or nil when it has more fields than the header. Fields are split as CSV reads
  /// them: a quote opens a quoted field only at the start of a field (elsewhere it is a
  /// character), and a doubled quote inside one is a quote.
  private func freshFields(from offset: Int) -> [Range<Int>]? {
    let fieldCount = lineBreaksAllowed.count
    guard fieldCount > 1, offset < breaks.count else { return nil }
    var end = breaks.end(from: offset)
    while end > offset, breaks.base[end - 1] == 0x0A || breaks.base[end - 1] == 0x0D { end -= 1 }
    var fields: [Range<Int>] = []
    var start = offset
    var quoted = false
    var fieldStart = true
    var index = offset
    while index < end {
      let byte = breaks.base[index]
      if quoted {
        if byte == 0x22 {
          if index + 1 < end, breaks.base[index + 1] == 0x22 { index += 1 } else { quoted = false }
        }
      } else if byte == parser.delimiter {
        fields.append(start..<index)
        if fields.count >= fieldCount { return nil }
        start = index + 1
        fieldStart = true
      } else if byte == 0x22, fieldStart {
        quoted = true
        fieldStart = false
      } else if byte != 0x20 {
        fieldStart = false
      }
      index += 1
    }
    fields.append(start..<end)
    return fields
  }

  /// libcsv rejected the quoting of the record being read (or a quote is open at the end).
  private mutating func recover(atLine failureLine: Int, unclosed: Bool) throws {
    if readingHeader {
      throw IngestError.badHeader(
        path: path, line: recordStartLine, problem: "a quote is not closed or is followed by other text")
    }
    sink.pointee.abandonRecord()
    if let column = spanColumn {
      let end: LineSpan.End = unclosed ? .unclosed : .broken
      sink.pointee.setAsideLastRecord(
        LineSpan(
          row: 0, column: column, firstLine: recordStartLine, lastLine: failureLine, end: end, swallowedLine: swallowedLine))
    }
    try restartAfterRecordStart()
  }

  /// The record whose quoted field ran over lines where it may not has ended on `lastLine`.
  private mutating func setAsideSpan(lastLine: Int, end: LineSpan.End) throws {
    guard let column = spanColumn else { return }
    if end == .tooLong { sink.pointee.abandonRecord() }
    sink.pointee.setAsideLastRecord(
      LineSpan(
        row: 0, column: column, firstLine: recordStartLine, lastLine: lastLine, end: end, swallowedLine: swallowedLine))
    try restartAfterRecordStart()
  }

  /// The line just read ended inside a record: its open field is quoted and holds a line break.
  private mutating func recordContinues(onto nextLine: Int) throws {
    if spanColumn == nil {
      let column = sink.pointee.openFieldPosition
      if readingHeader {
        throw IngestError.badHeader(
          path: path, line: recordStartLine,
          problem: "the quoted name of column \(column + 1) runs over more than one line (a stray quote?)")
      }
      if allowsLineBreaks(column) { breakingColumn = column } else { spanColumn = column }
    }
    if nextLine - recordStartLine >= Self.maximumFieldLines {
      if spanColumn == nil { spanColumn = sink.pointee.openFieldPosition }
      try setAsideSpan(lastLine: nextLine - 1, end: .tooLong)
      return
    }
    if spanColumn == nil {
      tally.continuationLines += 1
      recordContinuations += 1
    }
  }

  /// Between records: true when the next record begins at the first stop left (and the scan
  /// stops there); stops already passed (inside a record) are dropped.
  private mutating func reachedStop() -> Bool {
    while let stop = stops.first, stop < position { stops.removeFirst() }
    guard stops.first == position else { return false }
    stoppedAt = position
    return true
  }

  private mutating func run(
    chunkRows: Int, until done: (FieldSink) -> Bool,
    flush: (UnsafeMutablePointer<FieldSink>, Int) throws -> UnsafeMutablePointer<FieldSink>
  ) throws {
    while true {
      while position < breaks.count {
        if done(sink.pointee) { return }
        let startsRecord = parser.isBetweenRecords
        if startsRecord, spanColumn == nil, reachedStop() { return }
        if startsRecord {
          breakingColumn = nil
          if chunkRows > 0, sink.pointee.rowCount >= chunkRows { sink = try flush(sink, position) }
          recordStartLine = line
          recordStartOffset = position
          recordContinuations = 0
          sink.pointee.recordLine = Int32(truncatingIfNeeded: line)
        }
        let kept = sink.pointee.rowCount + sink.pointee.emptyCount
        let end = breaks.end(from: position)
        let chunk = UnsafeRawBufferPointer(start: breaks.base + position, count: end - position)
        if let status = parser.parse(chunk, into: sink) {
          switch status {
          case .malformedQuote:
            try recover(atLine: line, unclosed: false)
            continue
          case .failure(_, let message):
            throw IngestError.parserFailure(path: path, line: recordStartLine, message: message)
          }
        }
        let terminated = end > position && (breaks.base[end - 1] == 0x0A || breaks.base[end - 1] == 0x0D)
        let lineStart = position
        position = end
        line += 1
        if !startsRecord {
          checkSwallowed(lineStart: lineStart, line: line - 1, isLast: parser.isBetweenRecords || !terminated)
        }
        if parser.isBetweenRecords {
          breakingColumn = nil
          if spanColumn != nil {
            try setAsideSpan(lastLine: line - 1, end: .closed)
          } else if startsRecord, sink.pointee.rowCount + sink.pointee.emptyCount == kept, !sink.pointee.recordOpen {
            tally.blankLines += 1
          }
        } else if terminated {
          try recordContinues(onto: line)
        }
      }
      if done(sink.pointee) { return }
      let open = !parser.isBetweenRecords
      let lastLine = line - 1
      guard let status = parser.finish(into: sink) else {
        if open, spanColumn != nil { try setAsideSpan(lastLine: lastLine, end: .closed) }
        if position >= breaks.count { return }
        continue
      }
      switch status {
      case .malformedQuote:
        try recover(atLine: lastLine, unclosed: true)
      case .failure(_, let message):
        throw IngestError.parserFailure(path: path, line: recordStartLine, message: message)
      }
      if position >= breaks.count { return }
    }
  }
}

/// How the physical lines of a batch were used; they add up to the file's line count.
public struct LineTally: Sendable, Equatable {
  /// Lines with no field at all (empty or only spaces), skipped.
  public var blankLines = 0
  /// Lines after the first of a record whose quoted field holds line breaks where allowed.
  public var continuationLines = 0

  public init(blankLines: Int = 0, continuationLines: Int = 0) {
    self.blankLines = blankLines
    self.continuationLines = continuationLines
  }

  static func + (lhs: LineTally, rhs: LineTally) -> LineTally {
    LineTally(
      blankLines: lhs.blankLines + rhs.blankLines, continuationLines: lhs.continuationLines + rhs.continuationLines)
  }
}
