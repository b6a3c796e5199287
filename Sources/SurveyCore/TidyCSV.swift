/// Writes a table as tidy CSV: one row per record, blank = missing, ISO dates, codes (not
/// labels), multi-selects as space-separated codes, numbers that read back as the same double.
///
/// Built byte by byte: a million-row table is written without one `String` per cell.
public struct TidyCSV {
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

  /// The CSV bytes.
  public func bytes() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(table.rowCount * (columns.count + extra.count) * 6 + 256)
    let header = columns + extra.map(\.name)
    for (k, name) in header.enumerated() {
      if k > 0 { out.append(0x2C) }
      out.append(contentsOf: Array(CSVWriter.escape(name).utf8))
    }
    out.append(0x0A)
    let selected = columns.map { table.column($0)! }
    let levelBytes = selected.map { column in column.levels.map { Array(CSVWriter.escape($0).utf8) } }
    for row in 0..<table.rowCount {
      for (k, column) in selected.enumerated() {
        if k > 0 { out.append(0x2C) }
        switch column.state[row] {
        case .empty: continue
        case .invalid, .missingCode:
          if let raw = column.raw[row] { Self.appendText(raw, to: &out) }
          continue
        case .present: break
        }
        switch column.values {
        case .numbers(let v): Self.appendNumber(v[row], to: &out)
        case .codes(let v): out.append(contentsOf: levelBytes[k][Int(v[row])])
        case .texts(let v):
          if v[row].isEmpty {
            out.append(contentsOf: [0x22, 0x22])  // an explicit empty answer, not a missing one
          } else {
            Self.appendText(v[row], to: &out)
          }
        case .dates(let v): Self.appendDate(Int(v[row]), to: &out)
        case .selections:
          Self.appendText(column.formatted(row: row) ?? "", to: &out)
        }
      }
      for (k, column) in extra.enumerated() {
        if k > 0 || !selected.isEmpty { out.append(0x2C) }
        Self.appendNumber(column.values[row], to: &out)
      }
      out.append(0x0A)
    }
    return out
  }

  static func appendText(_ text: String, to out: inout [UInt8]) {
    var text = text
    text.withUTF8 { bytes in
      var needsQuotes = bytes.first == 0x20 || bytes.last == 0x20
      if !needsQuotes {
        for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
          needsQuotes = true
          break
        }
      }
      guard needsQuotes else {
        out.append(contentsOf: bytes)
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

  static func appendNumber(_ value: Double, to out: inout [UInt8]) {
    if value == value.rounded(.towardZero), abs(value) < 1e15 {
      appendInteger(Int64(value), to: &out)
    } else {
      out.append(contentsOf: Array(NumberFormatting.string(value).utf8))
    }
  }

  static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
    if value < 0 { out.append(0x2D) }
    var magnitude = value.magnitude
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[count] = UInt8(magnitude % 10) + 0x30
        magnitude /= 10
        count += 1
      } while magnitude > 0
      for k in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[k]) }
    }
  }

  static func appendDate(_ days: Int, to out: inout [UInt8]) {
    let date = CivilDate(daysSinceEpoch: days)
    func two(_ n: Int) {
      out.append(UInt8(n / 10) + 0x30)
      out.append(UInt8(n % 10) + 0x30)
    }
    if date.year >= 0 && date.year < 10000 {
      two(date.year / 100)
      two(date.year % 100)
    } else {
      appendInteger(Int64(date.year), to: &out)
    }
    out.append(0x2D)
    two(date.month)
    out.append(0x2D)
    two(date.day)
  }
}
