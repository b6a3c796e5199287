/// The state of one cell of a ``Column``.
public enum CellState: UInt8, Sendable, BitwiseCopyable {
  /// A value of the column's type.
  case present = 0
  /// Blank in the batch (empty, or the word `null` as Kobo writes it), or set missing by cleaning.
  case empty = 1
  /// One of the missing codes (98 = Don't know, …); the code is kept in ``Column/raw``.
  case missingCode = 2
  /// Text that is not a value of the column's type or not one of its codes; kept in ``Column/raw``.
  case invalid = 3

  /// True for every state but `.present`.
  @inline(__always) public var isMissing: Bool { self != .present }
}

/// The typed values of a column; a cell's value is meaningful only where its state is `.present`.
public enum ColumnValues: Sendable {
  /// `integer` and `decimal` columns (integers are exact up to 2^53).
  case numbers([Double])
  /// `categorical` columns: an index into ``Column/levels``, -1 where not present.
  case codes([Int32])
  /// `text` columns.
  case texts([String])
  /// `date` columns: days since 1970-01-01.
  case dates([Int32])
  /// `multiple` columns: bit k set when ``Column/levels``[k] is selected.
  case selections([UInt64])
  /// `datetime` columns: milliseconds since 1970-01-01T00:00:00Z (``ISODateTime``).
  case instants([Int64])

  public var count: Int {
    switch self {
    case .numbers(let v): return v.count
    case .codes(let v): return v.count
    case .texts(let v): return v.count
    case .dates(let v): return v.count
    case .selections(let v): return v.count
    case .instants(let v): return v.count
    }
  }
}

/// One typed column of a ``DataTable``.
public struct Column: Sendable {
  public var name: String
  public var type: VariableType
  public var values: ColumnValues
  public var state: [CellState]
  /// The code strings of a categorical or multiple column, in order.
  public var levels: [String]
  /// Original text of cells whose state is `.invalid` or `.missingCode`, by row.
  public var raw: [Int: String]

  public init(
    name: String, type: VariableType, values: ColumnValues, state: [CellState],
    levels: [String] = [], raw: [Int: String] = [:]
  ) {
    precondition(values.count == state.count, "a column's values and states must have the same length")
    self.name = name
    self.type = type
    self.values = values
    self.state = state
    self.levels = levels
    self.raw = raw
  }

  public var count: Int { state.count }

  /// The numbers of a numeric column (nil for other kinds).
  public var numbers: [Double]? {
    if case .numbers(let v) = values { return v }
    return nil
  }

  /// The instants (milliseconds since the epoch) of a datetime column (nil for other kinds).
  public var instants: [Int64]? {
    if case .instants(let v) = values { return v }
    return nil
  }

  /// The code indices of a categorical column (nil for other kinds).
  public var codes: [Int32]? {
    if case .codes(let v) = values { return v }
    return nil
  }

  /// The cell at `row` written as text the way tidy outputs write it: the number, the code, the
  /// ISO date, space-separated selected codes; `nil` when the cell is not present.
  public func formatted(row: Int) -> String? {
    guard state[row] == .present else { return nil }
    switch values {
    case .numbers(let v): return NumberFormatting.string(v[row], integer: type == .integer)
    case .codes(let v): return levels[Int(v[row])]
    case .texts(let v): return v[row]
    case .dates(let v): return CivilDate(daysSinceEpoch: Int(v[row])).iso
    case .instants(let v): return ISODateTime.string(v[row])
    case .selections(let v):
      var parts: [String] = []
      for (bit, level) in levels.enumerated() where v[row] & (1 << UInt64(bit)) != 0 { parts.append(level) }
      return parts.joined(separator: " ")
    }
  }

  /// The cell as it arrived: the formatted value, or the raw text of a missing code or invalid cell.
  public func original(row: Int) -> String? {
    switch state[row] {
    case .present: return formatted(row: row)
    case .empty: return nil
    case .missingCode, .invalid: return raw[row]
    }
  }

  /// Makes the cell at `row` missing (state `.empty`), forgetting any raw text.
  public mutating func setMissing(row: Int) {
    state[row] = .empty
    raw[row] = nil
  }

  /// Keeps only the rows where `keep` is true, in order.
  public func filtered(_ keep: [Bool], newRowIndex: [Int]) -> Column {
    func pick<T>(_ array: [T]) -> [T] {
      var out: [T] = []
      out.reserveCapacity(array.count)
      for i in array.indices where keep[i] { out.append(array[i]) }
      return out
    }
    let newValues: ColumnValues
    switch values {
    case .numbers(let v): newValues = .numbers(pick(v))
    case .codes(let v): newValues = .codes(pick(v))
    case .texts(let v): newValues = .texts(pick(v))
    case .dates(let v): newValues = .dates(pick(v))
    case .selections(let v): newValues = .selections(pick(v))
    case .instants(let v): newValues = .instants(pick(v))
    }
    var newRaw: [Int: String] = [:]
    for (row, text) in raw where keep[row] { newRaw[newRowIndex[row]] = text }
    return Column(name: name, type: type, values: newValues, state: pick(state), levels: levels, raw: newRaw)
  }
}
