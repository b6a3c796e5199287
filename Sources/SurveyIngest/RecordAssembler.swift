import SurveyCore

/// Where a header column's values go.
enum FieldTarget {
  case ignore
  case column(Int)
  /// One code's 0/1 column of a split multi-select.
  case split(column: Int, bit: Int)
}

/// Receives libcsv's fields and record ends and turns each record into one table row.
///
/// Every record becomes exactly one row, also a ragged one or one broken by a bad quote (marked
/// with a ``SurveyCore/RowIssue``), so raw records = rows and nothing is dropped unseen. Records
/// with no data at all (every field empty) are counted in `emptyRecords` instead.
final class RecordAssembler {
  enum Mode { case header, data }

  var mode: Mode = .header
  var header: [String] = []
  var targets: [FieldTarget] = []
  let builders: [ColumnBuilder]
  var batch: UInt16 = 0
  var decimal: UInt8 = UInt8(ascii: ".")
  /// Line where the record being read starts (set by the scanner).
  var recordLine: Int32 = 1
  var headerLine: Int32 = 1

  var rowBatch: [UInt16] = []
  var rowLine: [Int32] = []
  var rowIssues: [Int: RowIssue] = [:]
  /// Ragged records: row and number of fields.
  var ragged: [(row: Int, fields: Int)] = []
  /// Lines of records that held no data (every field empty).
  var emptyRecordLines: [Int32] = []

  private var fieldIndex = 0
  private var recordOpen = false
  private var recordHasData = false

  init(builders: [ColumnBuilder]) {
    self.builders = builders
  }

  var rowCount: Int { rowBatch.count }

  @inline(__always)
  func field(_ bytes: UnsafeBufferPointer<UInt8>?) {
    if mode == .header {
      if !recordOpen {
        recordOpen = true
        headerLine = recordLine
      }
      header.append(bytes.map { String(decoding: $0, as: UTF8.self) } ?? "")
      return
    }
    if !recordOpen { openRow() }
    let row = rowBatch.count - 1
    if let bytes, !bytes.isEmpty { recordHasData = true }
    if fieldIndex < targets.count {
      switch targets[fieldIndex] {
      case .ignore: break
      case .column(let index): builders[index].set(bytes, row: row, decimal: decimal)
      case .split(let index, let bit): builders[index].setSplit(bytes, bit: bit, row: row)
      }
    }
    fieldIndex += 1
  }

  private func openRow() {
    recordOpen = true
    recordHasData = false
    fieldIndex = 0
    rowBatch.append(batch)
    rowLine.append(recordLine)
    for builder in builders { builder.appendEmpty() }
  }

  func endRecord() {
    defer {
      recordOpen = false
      fieldIndex = 0
    }
    if mode == .header {
      mode = .data
      return
    }
    guard recordOpen else { return }
    let row = rowBatch.count - 1
    if !recordHasData {
      emptyRecordLines.append(rowLine[row])
      rowBatch.removeLast()
      rowLine.removeLast()
      for builder in builders { builder.removeLast() }
      return
    }
    if fieldIndex != targets.count {
      rowIssues[row] = RowIssue(rule: "ragged-row")
      ragged.append((row, fieldIndex))
    }
  }

  /// The record being read cannot be parsed (bad quote): keep what it has as a flagged row.
  func abandonRecord() {
    if mode == .header { return }
    if !recordOpen { openRow() }
    let row = rowBatch.count - 1
    rowIssues[row] = RowIssue(rule: "bad-quote")
    recordOpen = false
    fieldIndex = 0
  }
}
