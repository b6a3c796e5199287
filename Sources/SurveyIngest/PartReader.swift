import SurveyCore

/// Where a header column's values go.
enum FieldTarget: Sendable {
  case ignore
  case column(Int)
  /// One code's 0/1 column of a split multi-select.
  case split(column: Int, bit: Int)
}

/// Reads the records of one part of a batch (the whole batch, or one half when two cores share
/// a large file) into its own column builders, a chunk of records at a time.
///
/// Every record becomes exactly one row, also a ragged one or one broken by a bad quote (listed
/// in `ragged` and `brokenQuotes`); records with only empty fields are listed in `emptyLines`.
final class PartReader: @unchecked Sendable {
  static let chunkRows = 16384

  let builders: [ColumnBuilder]
  let targets: [FieldTarget]
  let headerCount: Int
  let decimal: UInt8
  private(set) var rowLines: [Int32] = []
  /// Rows (of this part) with more or fewer fields than the header, and their field counts.
  private(set) var ragged: [(row: Int, fields: Int)] = []
  /// Rows (of this part) whose quoting is broken.
  private(set) var brokenQuotes: [Int] = []
  private(set) var emptyLines: [Int32] = []

  init(schema: IngestSchema, targets: [FieldTarget], headerCount: Int, decimal: UInt8) {
    builders = schema.fields.map { ColumnBuilder(field: $0, missingTokens: schema.missingTokens) }
    self.targets = targets
    self.headerCount = headerCount
    self.decimal = decimal
  }

  var rowCount: Int { rowLines.count }

  /// Makes room for `rows` records (this part's and, for the first part, the later parts').
  func reserve(_ rows: Int) {
    for builder in builders { builder.reserve(rows) }
    rowLines.reserveCapacity(rows)
  }

  /// Reads every record of `text`, whose first byte is on line `firstLine`.
  func read(
    _ text: UnsafeBufferPointer<UInt8>, firstLine: Int, separator: UInt8, delimiter: UInt8, path: String
  ) throws {
    let parser = try CSVParser(delimiter: delimiter, lineEnd: separator, path: path)
    let sink = UnsafeMutablePointer<FieldSink>.allocate(capacity: 1)
    sink.initialize(to: FieldSink(rows: Self.chunkRows, fieldsPerRow: max(headerCount, 1)))
    defer {
      sink.pointee.deallocate()
      sink.deinitialize(count: 1)
      sink.deallocate()
    }
    var scanner = RecordScanner(
      text, firstLine: firstLine, separator: separator, parser: parser, sink: sink, path: path)
    try scanner.scanRecords(chunkRows: Self.chunkRows) { convert(sink) }
  }

  /// Moves the records waiting in `sink` into the builders and empties it.
  private func convert(_ sink: UnsafeMutablePointer<FieldSink>) {
    let n = sink.pointee.rowCount
    let base = rowLines.count
    for builder in builders { builder.openRows(n) }
    for (position, target) in targets.enumerated() {
      switch target {
      case .ignore: break
      case .column(let index):
        builders[index].fill(from: sink, position: position, base: base, decimal: decimal)
      case .split(let index, let bit):
        builders[index].fillSplit(from: sink, position: position, bit: bit, base: base)
      }
    }
    for r in 0..<n {
      rowLines.append(sink.pointee.rowLines[r])
      let fields = Int(sink.pointee.rowFields[r])
      if sink.pointee.rowFlags[r] == FieldSink.brokenQuote {
        brokenQuotes.append(base + r)
      } else if fields != headerCount {
        ragged.append((base + r, fields))
      }
    }
    for e in 0..<sink.pointee.emptyCount { emptyLines.append(sink.pointee.emptyLines[e]) }
    sink.pointee.clear()
  }

  /// Appends the rows of `other`, a later part of the same batch.
  func append(_ other: PartReader) {
    let offset = rowCount
    for (mine, theirs) in zip(builders, other.builders) { mine.append(theirs) }
    rowLines += other.rowLines
    ragged += other.ragged.map { ($0.row + offset, $0.fields) }
    brokenQuotes += other.brokenQuotes.map { $0 + offset }
    emptyLines += other.emptyLines
  }
}
