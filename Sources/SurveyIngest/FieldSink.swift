#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where libcsv's callbacks put fields: a flat byte arena with per-field offsets and per-record
/// field ranges, in manually managed buffers.
///
/// It is a plain struct of pointers and integers, written through a pointer from the C
/// callbacks, so the per-field path has no reference counting and no exclusivity checks.
/// Records are converted to columns a chunk at a time (``RecordChunk``), then the sink is emptied.
struct FieldSink {
  var bytes: UnsafeMutablePointer<UInt8>
  var byteCount = 0
  var byteCapacity: Int
  /// Per field: start offset in `bytes`, and length (-1 for an empty unquoted field).
  var starts: UnsafeMutablePointer<Int>
  var lengths: UnsafeMutablePointer<Int32>
  var fieldCount = 0
  var fieldCapacity: Int
  /// Per record: first field, number of fields, start line, flag (0, ``brokenQuote`` or
  /// ``spansLines``).
  var rowFirst: UnsafeMutablePointer<Int>
  var rowFields: UnsafeMutablePointer<Int32>
  var rowLines: UnsafeMutablePointer<Int32>
  var rowFlags: UnsafeMutablePointer<UInt8>
  var rowCount = 0
  var rowCapacity: Int
  /// Lines of records whose fields were all empty (not kept as rows).
  var emptyLines: UnsafeMutablePointer<Int32>
  var emptyCount = 0
  var emptyCapacity: Int
  /// Records set aside because a quoted field ran over lines where it may not (rare).
  var spans: [LineSpan] = []

  /// Per header position: true when no column reads it, so its bytes need not be kept (only
  /// whether it holds data). Nil: keep every field. Owned by the reader that sets it.
  var ignored: UnsafePointer<Bool>?
  var ignoredCount = 0

  /// The line where the record being read starts (set by the scanner).
  var recordLine: Int32 = 1
  var recordOpen = false
  var recordHasData = false

  static let brokenQuote: UInt8 = 1
  static let spansLines: UInt8 = 2

  init(rows: Int = 16384, fieldsPerRow: Int = 32) {
    byteCapacity = rows * fieldsPerRow * 8
    fieldCapacity = rows * fieldsPerRow
    rowCapacity = rows
    emptyCapacity = 64
    bytes = .allocate(capacity: byteCapacity)
    starts = .allocate(capacity: fieldCapacity)
    lengths = .allocate(capacity: fieldCapacity)
    rowFirst = .allocate(capacity: rowCapacity)
    rowFields = .allocate(capacity: rowCapacity)
    rowLines = .allocate(capacity: rowCapacity)
    rowFlags = .allocate(capacity: rowCapacity)
    emptyLines = .allocate(capacity: emptyCapacity)
  }

  /// Frees every buffer; the sink must not be used afterwards.
  func deallocate() {
    bytes.deallocate()
    starts.deallocate()
    lengths.deallocate()
    rowFirst.deallocate()
    rowFields.deallocate()
    rowLines.deallocate()
    rowFlags.deallocate()
    emptyLines.deallocate()
  }

  /// Grows `pointer` (of `capacity` elements, `count` in use) to hold at least `needed`.
  @inline(never)
  static func grow<T>(_ pointer: inout UnsafeMutablePointer<T>, capacity: inout Int, count: Int, needed: Int) {
    var newCapacity = Swift.max(capacity * 2, 64)
    while newCapacity < needed { newCapacity *= 2 }
    let fresh = UnsafeMutablePointer<T>.allocate(capacity: newCapacity)
    fresh.moveInitialize(from: pointer, count: count)
    pointer.deallocate()
    pointer = fresh
    capacity = newCapacity
  }

  /// Forgets every record, keeping the buffers.
  mutating func clear() {
    byteCount = 0
    fieldCount = 0
    rowCount = 0
    emptyCount = 0
    spans.removeAll(keepingCapacity: true)
  }

  private mutating func openRecord() {
    if rowCount == rowCapacity {
      var capacity = rowCapacity
      Self.grow(&rowFirst, capacity: &capacity, count: rowCount, needed: rowCount + 1)
      capacity = rowCapacity
      Self.grow(&rowFields, capacity: &capacity, count: rowCount, needed: rowCount + 1)
      capacity = rowCapacity
      Self.grow(&rowLines, capacity: &capacity, count: rowCount, needed: rowCount + 1)
      capacity = rowCapacity
      Self.grow(&rowFlags, capacity: &capacity, count: rowCount, needed: rowCount + 1)
      rowCapacity = capacity
    }
    rowFirst[rowCount] = fieldCount
    rowFields[rowCount] = 0
    rowLines[rowCount] = recordLine
    rowFlags[rowCount] = 0
    rowCount += 1
    recordOpen = true
    recordHasData = false
  }

  /// One field from libcsv; `nil` is an empty unquoted field.
  @inline(__always)
  mutating func field(_ data: UnsafeRawPointer?, _ length: Int) {
    if !recordOpen { openRecord() }
    if fieldCount == fieldCapacity {
      var capacity = fieldCapacity
      Self.grow(&starts, capacity: &capacity, count: fieldCount, needed: fieldCount + 1)
      capacity = fieldCapacity
      Self.grow(&lengths, capacity: &capacity, count: fieldCount, needed: fieldCount + 1)
      fieldCapacity = capacity
    }
    starts[fieldCount] = byteCount
    let position = Int(rowFields[rowCount - 1])
    if let ignored, position < ignoredCount, ignored[position] {
      // A column nobody reads: note only that the record has data.
      if data != nil, length > 0 { recordHasData = true }
      lengths[fieldCount] = -1
    } else if let data {
      if byteCount + length > byteCapacity {
        Self.grow(&bytes, capacity: &byteCapacity, count: byteCount, needed: byteCount + length)
      }
      (bytes + byteCount).update(from: data.assumingMemoryBound(to: UInt8.self), count: length)
      byteCount += length
      lengths[fieldCount] = Int32(truncatingIfNeeded: length)
      if length > 0 { recordHasData = true }
    } else {
      lengths[fieldCount] = -1
    }
    fieldCount += 1
    rowFields[rowCount - 1] += 1
  }

  /// The end of a record. A record whose fields are all empty is not kept; its line is noted.
  mutating func endRecord() {
    guard recordOpen else { return }
    recordOpen = false
    if !recordHasData {
      rowCount -= 1
      fieldCount = rowFirst[rowCount]
      if emptyCount == emptyCapacity {
        Self.grow(&emptyLines, capacity: &emptyCapacity, count: emptyCount, needed: emptyCount + 1)
      }
      emptyLines[emptyCount] = rowLines[rowCount]
      emptyCount += 1
    }
  }

  /// The record being read cannot be parsed (bad quoting): keep what it has, flagged.
  mutating func abandonRecord() {
    if !recordOpen { openRecord() }
    rowFlags[rowCount - 1] = Self.brokenQuote
    recordOpen = false
  }

  /// Field `position` of the record that began on `recordLine` (open, or just ended), when it
  /// has been read (nil for an empty one).
  func currentRecordField(_ position: Int) -> UnsafeBufferPointer<UInt8>? {
    guard rowCount > 0, rowLines[rowCount - 1] == recordLine, position < Int(rowFields[rowCount - 1]) else { return nil }
    return fieldBytes(rowFirst[rowCount - 1] + position)
  }

  /// The header position of the field being read: how many fields the open record has.
  var openFieldPosition: Int { recordOpen ? Int(rowFields[rowCount - 1]) : 0 }

  /// The last record (the one that began on `recordLine`) swallowed lines: keep only its
  /// fields before `span.column`, flag it and note the span.
  mutating func setAsideLastRecord(_ span: LineSpan) {
    if rowCount == 0 || rowLines[rowCount - 1] != recordLine || recordOpen { abandonRecord() }
    let row = rowCount - 1
    let keep = min(span.column, Int(rowFields[row]))
    if keep < Int(rowFields[row]) {
      fieldCount = rowFirst[row] + keep
      byteCount = starts[fieldCount]
      rowFields[row] = Int32(keep)
    }
    rowFlags[row] = Self.spansLines
    var noted = span
    noted.row = row
    spans.append(noted)
  }

  /// The bytes of field `index`, or nil for an empty unquoted field.
  @inline(__always)
  func fieldBytes(_ index: Int) -> UnsafeBufferPointer<UInt8>? {
    let length = lengths[index]
    if length < 0 { return nil }
    return UnsafeBufferPointer(start: bytes + starts[index], count: Int(length))
  }
}

/// A record whose quoted field ran past the end of its line in a column that may not hold
/// line breaks (or past ``RecordScanner/maximumFieldLines``).
public struct LineSpan: Sendable, Equatable {
  /// How the quoted field ended.
  public enum End: String, Sendable {
    /// The quote closed and the record ended normally on `lastLine`.
    case closed
    /// The quoting broke (text after a closing quote) on `lastLine`.
    case broken
    /// The quote was never closed; `lastLine` is the file's last line.
    case unclosed
    /// The field ran on past ``RecordScanner/maximumFieldLines``; the look-ahead stopped at `lastLine`.
    case tooLong
  }

  /// The row (in its sink, then in its batch) of the record set aside.
  public var row: Int
  /// The header position of the quoted field.
  public var column: Int
  public var firstLine: Int
  public var lastLine: Int
  public var end: End
  /// In a column that may hold line breaks: the first continuation line that reads as a record
  /// of its own (the field was taken for records swallowed between two stray quotes).
  public var swallowedLine: Int?

  /// How many physical lines the field runs over.
  public var lineCount: Int { lastLine - firstLine + 1 }
}
