import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyIngest

/// A batch of `notesCodebook` records with every kind of trouble the scanner handles, in a
/// fixed pattern: quoted notes over two or three lines (LF and CR LF), a stray quote that
/// swallows lines where line breaks are not allowed, broken quotes, ragged rows, blank lines,
/// records of empty fields, CR LF line ends, and an unclosed quote at the end.
func troubledBatch(records: Int = 300) -> String {
  var lines = ["respondent_id,name,age,note"]
  for i in 1...records {
    switch i {
    case _ where i % 37 == 0:
      // A stray quote in `name` (no line breaks there) closed two lines further on.
      lines.append("R\(i),\"Stray \(i),30,x")
      lines.append("R\(i)b,Next,31,y")
      lines.append("R\(i)c,Closes\",32,z")
    case _ where i % 7 == 0: lines.append("R\(i),Name \(i),\(20 + i % 60),\"first\nsecond \(i)\nthird\"")
    case _ where i % 11 == 0: lines.append("R\(i),Name \(i),\(20 + i % 60),\"one\r\ntwo\"\r")
    case _ where i % 43 == 0: lines.append("R\(i),\"Broken\"x,40,y")
    case _ where i % 19 == 0: lines.append("R\(i),Name,50,note,extra")
    case _ where i % 23 == 0: lines.append("")
    case _ where i % 29 == 0: lines.append(",,,")
    case _ where i % 13 == 0: lines.append("R\(i),Name \(i),\(i % 90),crlf note\r")
    default: lines.append("R\(i),Name \(i),\(18 + i % 70),note \(i)")
    }
  }
  lines.append("R_last,\"never closed,60,w")
  return lines.joined(separator: "\n")
}

/// Everything a read of one batch produced, as text to compare.
func describe(_ outcome: BatchReader.Outcome) -> [String] {
  var out = ["report: \(outcome.report)", "findings: \(outcome.findings)"]
  guard let records = outcome.records else { return out + ["no records"] }
  out.append("rows: \(records.rowCount) lines: \(records.rowLines)")
  out.append("ragged: \(records.ragged.map { "\($0.row):\($0.fields)" })")
  out.append("broken: \(records.brokenQuotes) spans: \(records.lineSpans)")
  out.append("empty: \(records.emptyLines) tally: \(records.tally)")
  for builder in records.builders {
    let column = builder.build()
    out.append("\(column.name): \(column.state) \((0..<column.count).map { column.formatted(row: $0) ?? "-" }) \(column.raw.sorted { $0.key < $1.key })")
  }
  return out
}

/// Only `age` and `note` of `notesCodebook`'s columns: the id and the name are counted, not kept.
let ageAndNote = IngestSchema(
  fields: [IngestField(name: "age", type: .integer), IngestField(name: "note", type: .text, lineBreaks: true)],
  reportsUnknownColumns: false)

func readBatch(_ text: String, parts: Int, schema: IngestSchema = IngestSchema(codebook: notesCodebook)) throws
  -> BatchReader.Outcome
{
  let source = BatchSource(path: "parts.csv", name: "parts.csv", read: ReadOptions(), contents: Array(text.utf8))
  var reader = BatchReader(source: source, batchIndex: 0, schema: schema)
  reader.parts = parts
  reader.minimumPartBytes = 1
  return try reader.read()
}

@Suite("Ingest: a file read in parts on several cores")
struct RecordReaderPartsTests {
  @Test("read in 2 to 16 parts, a troubled file gives the rows, lines and findings of one parser", arguments: 2...16)
  func partsMatchOneParser(parts: Int) throws {
    let text = troubledBatch()
    let serial = try readBatch(text, parts: 1)
    // The planted trouble is there to be matched: set-aside spans, broken quotes, ragged rows.
    #expect(serial.records?.lineSpans.count ?? 0 >= 8)
    #expect(serial.records?.brokenQuotes.count ?? 0 >= 6)
    #expect(serial.records?.ragged.isEmpty == false)
    #expect(describe(try readBatch(text, parts: parts)) == describe(serial))
  }

  @Test("columns not read are only counted: rows, lines and findings stay those of reading every column", arguments: [1, 2, 5, 11])
  func unreadColumns(parts: Int) throws {
    let text = troubledBatch()
    let every = try readBatch(text, parts: 1)
    let some = try readBatch(text, parts: parts, schema: ageAndNote)
    let (all, few) = (try #require(every.records), try #require(some.records))
    #expect(few.rowLines == all.rowLines)
    #expect(few.ragged.map { "\($0.row):\($0.fields)" } == all.ragged.map { "\($0.row):\($0.fields)" })
    #expect(few.brokenQuotes == all.brokenQuotes)
    #expect(few.lineSpans == all.lineSpans)
    #expect(few.emptyLines == all.emptyLines)
    #expect(few.tally == all.tally)
    for name in ["age", "note"] {
      let mine = try #require(few.builders.first { $0.field.name == name }).build()
      let theirs = try #require(all.builders.first { $0.field.name == name }).build()
      #expect(mine.state == theirs.state)
      #expect((0..<mine.count).map { mine.formatted(row: $0) } == (0..<theirs.count).map { theirs.formatted(row: $0) })
    }
  }

  @Test("cuts fall just after a line feed, near equal offsets, and never at the end")
  func cutsAfterLineFeeds() {
    let text = Array("a,b\nc,d\ne,f\ng,h\n".utf8)
    text.withUnsafeBufferPointer { bytes in
      #expect(RecordReader.cuts(bytes, parts: 2) == [12])
      #expect(RecordReader.cuts(bytes, parts: 4) == [8, 12])
      #expect(RecordReader.cuts(bytes, parts: 1) == [])
      // No line feed after the middle: no cut.
      #expect(RecordReader.cuts(UnsafeBufferPointer(rebasing: bytes[..<7]), parts: 2) == [4])
      #expect(RecordReader.cuts(UnsafeBufferPointer(rebasing: bytes[..<3]), parts: 2) == [])
    }
  }

  @Test("a scan stops at a cut where a record begins, and reads past a cut inside a quoted field")
  func stopsOnlyBetweenRecords() throws {
    // Line 2's note holds a line break: offset 24 (after "first\n") is inside the record.
    let text = Array("id,note\nR1,\"first\nsecond\"\nR2,x\nR3,y\n".utf8)
    let inside = Array("id,note\nR1,\"first\n".utf8).count
    let boundary = Array("id,note\nR1,\"first\nsecond\"\nR2,x\n".utf8).count
    try text.withUnsafeBufferPointer { bytes in
      for (stops, expected, rows) in [([inside], nil, 3), ([boundary], boundary, 2), ([inside, boundary], boundary, 2)] as [([Int], Int?, Int)] {
        let parser = try CSVParser(delimiter: UInt8(ascii: ","), path: "t.csv")
        let sink = FieldSink.allocate(rows: 8, fieldsPerRow: 2)
        defer { FieldSink.free(sink) }
        var scanner = RecordScanner(
          bytes, start: 8, firstLine: 2, parser: parser, sink: sink, path: "t.csv", lineBreaksAllowed: [true, true])
        try scanner.scanRecords(chunkRows: 0, stops: stops) { sink, _ in sink }
        #expect(scanner.stoppedAt == expected)
        #expect(sink.pointee.rowCount == rows)
        #expect(scanner.nextLine == (expected == nil ? 6 : 5))
      }
    }
  }
}
