#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where libcsv's callbacks put fields: a flat byte arena with per-field offsets and per-record
/// field ranges, in manually managed buffers.
///
/// Two layouts: without ``slots`` every field of a record is kept, in order (the header, raw
/// records for the report); with them, each record has one slot per column that is read, and
/// the fields of the other columns are only counted (their bytes are not copied, nor their
/// offsets stored). Either way a record's field at header position `p` is at
/// `rowFirst[row] + slot(of: p)`, and is there only when `p < rowFields[row]`.
///
/// It is a plain struct of pointers and integers, written through a pointer from the C
/// callbacks, so the per-field path has no reference counting and no exclusivity checks.
/// Records are converted to columns a chunk at a time by ``RecordReader``, then the sink is emptied.
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

  /// Per header position below ``slotLimit``: the slot its field is kept in, or -1 when no
  /// column reads it (then only whether it holds data is noted). Nil: keep every field, in
  /// order. Owned by the reader that sets it.
  var slots: UnsafePointer<Int32>?
  var slotLimit = 0
  /// Slots per record (with ``slots``).
  var slotCount = 0

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

  /// A sink of its own in fresh memory, for reading a few records; free it with ``free(_:)``.
  static func allocate(rows: Int, fieldsPerRow: Int) -> UnsafeMutablePointer<FieldSink> {
    let sink = UnsafeMutablePointer<FieldSink>.allocate(capacity: 1)
    sink.initialize(to: FieldSink(rows: rows, fieldsPerRow: fieldsPerRow))
    return sink
  }

  /// Frees a sink made by ``allocate(rows:fieldsPerRow:)`` and its buffers.
  static func free(_ sink: UnsafeMutablePointer<FieldSink>) {
    sink.pointee.deallocate()
    sink.deinitialize(count: 1)
    sink.deallocate()
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
    if slots != nil {
      // The record's slots, filled as their fields arrive (read only below `rowFields`).
      growFields(to: fieldCount + slotCount)
      fieldCount += slotCount
    }
    rowFields[rowCount] = 0
    rowLines[rowCount] = recordLine
    rowFlags[rowCount] = 0
    rowCount += 1
    recordOpen = true
    recordHasData = false
  }

  private mutating func growFields(to needed: Int) {
    guard needed > fieldCapacity else { return }
    var capacity = fieldCapacity
    Self.grow(&starts, capacity: &capacity, count: fieldCount, needed: needed)
    capacity = fieldCapacity
    Self.grow(&lengths, capacity: &capacity, count: fieldCount, needed: needed)
    fieldCapacity = capacity
  }

  /// One field from libcsv; `nil` is an empty unquoted field.
  @inline(__always)
  mutating func field(_ data: UnsafeRawPointer?, _ length: Int) {
    if !recordOpen { openRecord() }
    let position = Int(rowFields[rowCount - 1])
    rowFields[rowCount - 1] += 1
    if let slots {
      let slot = position < slotLimit ? Int(slots[position]) : -1
      guard slot >= 0 else {
        // A column nobody reads: note only that the record has data.
        if data != nil, length > 0 { recordHasData = true }
        return
      }
      store(data, length, at: rowFirst[rowCount - 1] + slot)
    } else {
      if fieldCount == fieldCapacity { growFields(to: fieldCount + 1) }
      store(data, length, at: fieldCount)
      fieldCount += 1
    }
  }

  @inline(__always)
  private mutating func store(_ data: UnsafeRawPointer?, _ length: Int, at index: Int) {
    starts[index] = byteCount
    guard let data else {
      lengths[index] = -1
      return
    }
    if byteCount + length > byteCapacity {
      Self.grow(&bytes, capacity: &byteCapacity, count: byteCount, needed: byteCount + length)
    }
    (bytes + byteCount).update(from: data.assumingMemoryBound(to: UInt8.self), count: length)
    byteCount += length
    lengths[index] = Int32(truncatingIfNeeded: length)
    if length > 0 { recordHasData = true }
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
    guard rowCount > 0, rowLines[rowCount - 1] == recordLine, position < Int(rowFields[rowCount - 1]),
      let slot = slot(of: position)
    else { return nil }
    return fieldBytes(rowFirst[rowCount - 1] + slot)
  }

  /// Where a record keeps its field at header `position` (see the type's documentation); nil
  /// when that column's fields are not kept.
  @inline(__always)
  func slot(of position: Int) -> Int? {
    guard let slots else { return position }
    guard position < slotLimit, slots[position] >= 0 else { return nil }
    return Int(slots[position])
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
      if slots == nil {
        fieldCount = rowFirst[row] + keep
        byteCount = starts[fieldCount]
      }
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
