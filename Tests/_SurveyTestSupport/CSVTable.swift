/// An output CSV file read back independently of the tool (RFC 4180: quoted fields may hold
/// delimiters, doubled quotes and line breaks), keeping whether each cell was quoted, so that a
/// blank cell (missing) and `""` (an empty text) stay apart.
public struct CSVTable: Sendable {
  public struct Cell: Sendable, Equatable {
    public var text: String
    public var quoted: Bool

    /// Blank and unquoted: a missing value.
    public var isMissing: Bool { text.isEmpty && !quoted }
  }

  public var header: [String]
  public var rows: [[String: Cell]]

  public init(_ text: String) {
    var records = Self.parse(text)
    let header = records.isEmpty ? [] : records.removeFirst().map(\.text)
    self.header = header
    rows = records.map { fields in
      var row: [String: Cell] = [:]
      for (index, name) in header.enumerated() {
        row[name] = index < fields.count ? fields[index] : Cell(text: "", quoted: false)
      }
      return row
    }
  }

  /// Rows of cells; a line end (LF or CR LF) outside quotes ends a row; a final line end is optional.
  public static func parse(_ text: String) -> [[Cell]] {
    var rows: [[Cell]] = []
    var row: [Cell] = []
    var field = ""
    var quoted = false
    var inQuotes = false
    var started = false
    var scalars = text.unicodeScalars.makeIterator()
    var pending = scalars.next()
    func endField() {
      row.append(Cell(text: field, quoted: quoted))
      field = ""
      quoted = false
    }
    while let scalar = pending {
      pending = scalars.next()
      started = true
      if inQuotes {
        if scalar == "\"" {
          if pending == "\"" {
            field.unicodeScalars.append("\"")
            pending = scalars.next()
          } else {
            inQuotes = false
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"":
        inQuotes = true
        quoted = true
      case ",":
        endField()
      case "\r" where pending == "\n":
        break
      case "\n":
        endField()
        rows.append(row)
        row = []
        started = false
      default:
        field.unicodeScalars.append(scalar)
      }
    }
    if started {
      endField()
      rows.append(row)
    }
    return rows
  }
}
