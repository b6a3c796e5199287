/// Writes a table as tidy CSV: one row per record, blank = missing, ISO dates (date-times in UTC), codes (not
/// labels), multi-selects as space-separated codes, numbers that read back as the same double.
///
/// One pass, row by row, over raw pointers to every column's storage: a million-row table is
/// written without a `String` or a reference count per cell.
public struct TidyCSV: Sendable {
  public let table: DataTable
  /// The columns to write, in order.
  public let columns: [String]
  /// Extra numeric columns appended after `columns` (the final weight).
  public let extra: [(name: String, values: [Double])]

  public init(table: DataTable, columns: [String], extra: [(name: String, values: [Double])] = []) {
    self.table = table
    self.columns = columns
    self.extra = extra
  }

  /// A column's storage as raw pointers, valid inside ``withAccessors(_:_:body:)``.
  ///
  /// `@unchecked Sendable`: the pointers are read-only views of column arrays that
  /// `withAccessors` keeps alive (and unchanged) until its body, including the concurrent
  /// writers of `chunks()`, has returned; nothing writes through them.
  enum Accessor: @unchecked Sendable {
    case numbers(UnsafeBufferPointer<Double>, UnsafeBufferPointer<CellState>)
    /// Codes, with the CSV text of every level in one buffer (`levelEnds[k]` ends level k).
    case codes(UnsafeBufferPointer<Int32>, UnsafeBufferPointer<CellState>, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int>)
    case texts(UnsafeBufferPointer<String>, UnsafeBufferPointer<CellState>)
    case dates(UnsafeBufferPointer<Int32>, UnsafeBufferPointer<CellState>)
    case instants(UnsafeBufferPointer<Int64>, UnsafeBufferPointer<CellState>)
    /// Multi-selects (rare): formatted through the column.
    case selections(Int, UnsafeBufferPointer<CellState>)
  }

  /// The CSV bytes in consecutive pieces (the header and the first rows, then the rest),
  /// formatted on every core; write them one after the other.
  public func chunks() -> [[UInt8]] {
    var header = ByteWriter(capacity: 4096)
    for (k, name) in (columns + extra.map(\.name)).enumerated() {
      if k > 0 { header.append(0x2C) }
      Self.appendText(CSVWriter.escape(name), raw: true, to: &header)
    }
    header.append(0x0A)
    // The extra columns are written like numeric columns whose cells are all present.
    let selected =
      columns.map { table.column($0)! }
      + extra.map {
        Column(
          name: $0.name, type: .decimal, values: .numbers($0.values),
          state: [CellState](repeating: .present, count: $0.values.count))
      }
    let levelTexts: [(bytes: [UInt8], ends: [Int])] = selected.map { column in
      var bytes: [UInt8] = []
      var ends: [Int] = []
      for level in column.levels {
        bytes += Array(CSVWriter.escape(level).utf8)
        ends.append(bytes.count)
      }
      return (bytes, ends)
    }
    let rows = table.rowCount
    let parts = rows >= 50_000 ? 2 : 1
    var pieces: [[UInt8]] = []
    var accessors: [Accessor] = []
    Self.withAccessors(selected, levelTexts, index: 0, &accessors) { accessors in
      let accessors = accessors
      pieces = Parallel.map(parts) { part in
        let range = (rows * part / parts)..<(rows * (part + 1) / parts)
        var out = ByteWriter(capacity: range.count * selected.count * 6 + 4096)
        for row in range {
          for k in 0..<accessors.count {
            if k > 0 { out.append(0x2C) }
            write(accessors[k], column: k, row: row, selected: selected, to: &out)
          }
          out.append(0x0A)
        }
        return out.finish()
      }
    }
    return [header.finish()] + pieces
  }

  @inline(__always)
  private func write(_ accessor: Accessor, column k: Int, row: Int, selected: [Column], to out: inout ByteWriter) {
    let state: CellState
    switch accessor {
    case .numbers(_, let s), .codes(_, let s, _, _), .texts(_, let s), .dates(_, let s), .instants(_, let s),
      .selections(_, let s):
      state = s[row]
    }
    switch state {
    case .empty: return
    case .invalid, .missingCode:
      // Kept under `clean.invalid: keep` (or accepted): written as it arrived.
      if let raw = selected[k].raw[row] { Self.appendText(raw, to: &out) }
      return
    case .present: break
    }
    switch accessor {
    case .numbers(let values, _):
      out.appendNumber(values[row])
    case .codes(let codes, _, let text, let ends):
      let level = Int(codes[row])
      let start = level == 0 ? 0 : ends[level - 1]
      out.append(UnsafeBufferPointer(rebasing: text[start..<ends[level]]))
    case .texts(let texts, _):
      if texts[row].isEmpty {
        out.append(0x22)  // an explicit empty answer, not a missing one
        out.append(0x22)
      } else {
        Self.appendText(texts[row], to: &out)
      }
    case .dates(let days, _):
      Self.appendDate(Int(days[row]), to: &out)
    case .instants(let milliseconds, _):
      ISODateTime.append(milliseconds[row], to: &out)
    case .selections:
      Self.appendText(selected[k].formatted(row: row) ?? "", to: &out)
    }
  }

  /// Calls `body` with raw pointers to the storage of every column (nested closures keep the
  /// arrays alive and unmoved while it runs).
  static func withAccessors(
    _ columns: [Column], _ levelTexts: [(bytes: [UInt8], ends: [Int])], index: Int, _ accessors: inout [Accessor],
    body: ([Accessor]) -> Void
  ) {
    guard index < columns.count else {
      body(accessors)
      return
    }
    let column = columns[index]
    column.state.withUnsafeBufferPointer { state in
      func next(_ accessor: Accessor) {
        accessors.append(accessor)
        withAccessors(columns, levelTexts, index: index + 1, &accessors, body: body)
      }
      switch column.values {
      case .numbers(let v): v.withUnsafeBufferPointer { next(.numbers($0, state)) }
      case .codes(let v):
        v.withUnsafeBufferPointer { codes in
          levelTexts[index].bytes.withUnsafeBufferPointer { text in
            levelTexts[index].ends.withUnsafeBufferPointer { ends in next(.codes(codes, state, text, ends)) }
          }
        }
      case .texts(let v): v.withUnsafeBufferPointer { next(.texts($0, state)) }
      case .dates(let v): v.withUnsafeBufferPointer { next(.dates($0, state)) }
      case .instants(let v): v.withUnsafeBufferPointer { next(.instants($0, state)) }
      case .selections: next(.selections(index, state))
      }
    }
  }

  static func appendText(_ text: String, raw: Bool = false, to out: inout ByteWriter) {
    var text = text
    text.withUTF8 { bytes in
      var needsQuotes = !raw && (bytes.first == 0x20 || bytes.last == 0x20)
      if !raw, !needsQuotes {
        for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
          needsQuotes = true
          break
        }
      }
      guard needsQuotes else {
        out.append(bytes)
        return
      }
      out.append(0x22)
      for byte in bytes {
        out.append(byte)
        if byte == 0x22 { out.append(0x22) }
      }
      out.append(0x22)
    }
  }

  static func appendDate(_ days: Int, to out: inout ByteWriter) {
    let date = CivilDate(daysSinceEpoch: days)
    func two(_ n: Int, _ out: inout ByteWriter) {
      out.append(UInt8(n / 10) + 0x30)
      out.append(UInt8(n % 10) + 0x30)
    }
    if date.year >= 0 && date.year < 10000 {
      two(date.year / 100, &out)
      two(date.year % 100, &out)
    } else {
      out.appendInteger(Int64(date.year))
    }
    out.append(0x2D)
    two(date.month, &out)
    out.append(0x2D)
    two(date.day, &out)
  }
}
