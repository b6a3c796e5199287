import SurveyCore

/// Where a header column's values go.
enum FieldTarget: Sendable {
  case ignore
  case column(Int)
  /// One code's 0/1 column of a split multi-select.
  case split(column: Int, bit: Int)
  /// One code's 0/1 column of a multi-select whose space-separated column is read too: checked
  /// against that column, not read into it.
  case check(column: Int, bit: Int)
}

/// Reads the records of a batch into column builders, a chunk of records at a time.
///
/// Every record becomes exactly one row, also a ragged one, one broken by a bad quote or one set
/// aside because a quoted field swallowed lines (listed in `ragged`, `brokenQuotes` and
/// `lineSpans`); records with only empty fields are listed in `emptyLines`, and `tally` accounts
/// for blank lines and the continuation lines of multi-line fields.
///
/// `@unchecked Sendable`: the mutable state (`rowLines`, `ragged`, `brokenQuotes`, `lineSpans`,
/// `emptyLines`, the builders) is changed only by `convert`, on the reader's one converting
/// thread, and read only after `readPart` has waited for that thread (`converter.wait()`);
/// `tally` and `reservedRows` are written by the thread that calls `readPart` and `reserve`.
/// A reader of a later part of a file is made and reserved by the calling thread, read by its
/// part's thread, and absorbed only after `read` has waited for that thread (`group.wait()`);
/// `absorb` runs on the calling thread once all of them are done. The rest is immutable after
/// `init`.
final class RecordReader: @unchecked Sendable {
  static let chunkRows = 2048

  let builders: [ColumnBuilder]
  let headerCount: Int
  let decimal: UInt8
  private(set) var rowLines: [Int32] = []
  /// Rows with more or fewer fields than the header, and their field counts.
  private(set) var ragged: [(row: Int, fields: Int)] = []
  /// Rows whose quoting is broken.
  private(set) var brokenQuotes: [Int] = []
  /// Rows set aside because a quoted field ran over lines where it may not.
  private(set) var lineSpans: [LineSpan] = []
  /// Blank lines and continuation lines met while reading the records.
  private(set) var tally = LineTally()
  private(set) var emptyLines: [Int32] = []

  /// Per builder: the header positions it reads, with the code bit for split multi-select columns.
  private let sources: [[(position: Int, bit: Int?)]]
  /// Per builder: the split columns checked against its space-separated column.
  private let checks: [[(position: Int, bit: Int)]]

  init(schema: IngestSchema, targets: [FieldTarget], headerCount: Int, decimal: UInt8, values: ValueFormat = .codes) {
    self.schema = schema
    self.targets = targets
    self.values = values
    builders = schema.fields.map { ColumnBuilder(field: $0, missingTokens: schema.missingTokens, values: values) }
    var sources = [[(position: Int, bit: Int?)]](repeating: [], count: schema.fields.count)
    var checks = [[(position: Int, bit: Int)]](repeating: [], count: schema.fields.count)
    for (position, target) in targets.enumerated() {
      switch target {
      case .ignore: break
      case .column(let index): sources[index].append((position, nil))
      case .split(let index, let bit): sources[index].append((position, bit))
      case .check(let index, let bit): checks[index].append((position, bit))
      }
    }
    self.sources = sources
    self.checks = checks
    self.headerCount = headerCount
    self.decimal = decimal
    var slots: [Int32] = []
    var kept: Int32 = 0
    for target in targets {
      if case .ignore = target {
        slots.append(-1)
      } else {
        slots.append(kept)
        kept += 1
      }
    }
    self.slots = slots
  }

  /// Per header position: where a record keeps its field, or -1 when no column reads it (its
  /// bytes are not copied; see ``FieldSink``).
  private let slots: [Int32]
  /// What the reader was made from, to make readers for the other parts of a large file.
  let schema: IngestSchema
  let targets: [FieldTarget]
  let values: ValueFormat
  /// The rows reserved by ``reserve(_:)``.
  private(set) var reservedRows = 0

  var rowCount: Int { rowLines.count }

  /// Makes room for `rows` records.
  func reserve(_ rows: Int) {
    reservedRows = rows
    for builder in builders { builder.reserve(rows) }
    rowLines.reserveCapacity(rows)
  }

  /// Reads the records of `text` from offset `start` (on line `firstLine`) to its end, or to the
  /// first offset of `stops` where a record begins; `lineBreaksAllowed` says, per header
  /// position, whether quoted fields may hold line breaks.
  ///
  /// Two threads share the work: this one runs libcsv into one sink while a second converts
  /// the previous chunk, held in the other sink, into the columns. Chunks are converted in
  /// order, so the result is the same as reading on one thread.
  ///
  /// - Returns: the offset of `stops` where reading stopped, or nil when it read to the end.
  func readPart(
    _ text: BatchText, start: Int, firstLine: Int, stops: [Int], delimiter: UInt8,
    lineBreaksAllowed: [Bool], idPosition: Int?, path: String
  ) throws -> Int? {
    let parser = try CSVParser(delimiter: delimiter, path: path)
    let sinks = UnsafeMutablePointer<FieldSink>.allocate(capacity: 2)
    let slotTable = UnsafeMutablePointer<Int32>.allocate(capacity: max(slots.count, 1))
    slotTable.initialize(from: slots, count: slots.count)
    let slotCount = slots.filter { $0 >= 0 }.count
    for k in 0..<2 {
      (sinks + k).initialize(to: FieldSink(rows: Self.chunkRows, fieldsPerRow: max(slotCount, 1)))
      sinks[k].slots = UnsafePointer(slotTable)
      sinks[k].slotLimit = slots.count
      sinks[k].slotCount = slotCount
    }
    let handoff = ChunkHandoff(sinks: sinks)
    let converter = WorkerThreads()
    converter.start { [self] in
      while let sink = handoff.nextFilled() {
        convert(sink)
        handoff.release(sink)
      }
    }
    defer {
      handoff.finish()
      converter.wait()
      for k in 0..<2 {
        sinks[k].deallocate()
        (sinks + k).deinitialize(count: 1)
      }
      sinks.deallocate()
      slotTable.deallocate()
    }
    var scanner = RecordScanner(
      text.bytes, start: start, firstLine: firstLine, parser: parser, sink: handoff.acquire(), path: path,
      lineBreaksAllowed: lineBreaksAllowed, idPosition: idPosition, hasCarriageReturns: text.hasCarriageReturns)
    var behind = ReleaseBehind(text.file, from: text.bytes.baseAddress.map { $0 + start })
    try scanner.scanRecords(chunkRows: Self.chunkRows, stops: stops) { full, consumed in
      handoff.submit(full)
      if let base = text.bytes.baseAddress { behind.reached(base + consumed) }
      return handoff.acquire()
    }
    tally = scanner.tally
    return scanner.stoppedAt
  }

  /// Appends the rows read by `next`, the reader of the part of the file that follows this one's.
  func absorb(_ next: RecordReader) {
    let base = rowLines.count
    for (mine, theirs) in zip(builders, next.builders) {
      mine.append(theirs)
      mine.splitConflicts += theirs.splitConflicts.map { conflict in
        var moved = conflict
        moved.row += base
        return moved
      }
    }
    rowLines += next.rowLines
    ragged += next.ragged.map { (base + $0.row, $0.fields) }
    brokenQuotes += next.brokenQuotes.map { base + $0 }
    lineSpans += next.lineSpans.map { span in
      var moved = span
      moved.row += base
      return moved
    }
    emptyLines += next.emptyLines
    tally = tally + next.tally
  }

  /// Moves the records waiting in `sink` into the builders and empties it.
  private func convert(_ sink: UnsafeMutablePointer<FieldSink>) {
    let n = sink.pointee.rowCount
    let base = rowLines.count
    for (index, builder) in builders.enumerated() {
      builder.openRows(n)
      for (position, bit) in sources[index] {
        if let bit {
          builder.fillSplit(from: sink, position: position, bit: bit, base: base)
        } else {
          builder.fill(from: sink, position: position, base: base, decimal: decimal)
        }
      }
      // After the space-separated column is typed, so the check sees its codes.
      for (position, bit) in checks[index] {
        builder.checkSplit(from: sink, position: position, bit: bit, base: base)
      }
    }
    for r in 0..<n {
      rowLines.append(sink.pointee.rowLines[r])
      let fields = Int(sink.pointee.rowFields[r])
      let flag = sink.pointee.rowFlags[r]
      if flag == FieldSink.brokenQuote {
        brokenQuotes.append(base + r)
      } else if flag == FieldSink.spansLines {
        continue
      } else if fields != headerCount {
        ragged.append((base + r, fields))
      }
    }
    for var span in sink.pointee.spans {
      span.row += base
      lineSpans.append(span)
    }
    for e in 0..<sink.pointee.emptyCount { emptyLines.append(sink.pointee.emptyLines[e]) }
    sink.pointee.clear()
  }
}
