extension Column {
  /// Sets the cell at `row` from text, typed as the column's type (used for reviewers' `set`
  /// decisions). Numbers use `.` as decimal mark and ``NumberText``'s rule (no `nan`, `inf` or
  /// hexadecimal; whole numbers exact within ±2^53); dates the ISO form or `dateFormat`;
  /// multi-selects space-separated codes; an empty text makes the cell missing.
  ///
  /// The cell is written in place: one assignment costs O(1), not a copy of the column (a
  /// run applies thousands of decisions to columns of a million rows).
  ///
  /// - Returns: false, leaving the cell unchanged, when the text is not a value of the column.
  @discardableResult
  public mutating func assign(_ text: String, row: Int, dateFormat: DateFormat? = nil) -> Bool {
    if text.isEmpty {
      setMissing(row: row)
      return true
    }
    switch values {
    case .numbers:
      guard case .success(let value) = NumberText.read(text, integer: type == .integer) else { return false }
      setNumber(value, row: row)
    case .codes:
      guard let index = levels.firstIndex(of: text) else { return false }
      setCode(Int32(index), row: row)
    case .texts:
      setText(text, row: row)
    case .dates:
      guard let date = DateFormat.iso.parse(text) ?? dateFormat?.parse(text) else { return false }
      setDate(Int32(date.daysSinceEpoch), row: row)
    case .instants:
      guard let instant = ISODateTime.milliseconds(text) else { return false }
      setInstant(instant, row: row)
    case .selections:
      var bits: UInt64 = 0
      for token in text.split(separator: " ") {
        guard let bit = levels.firstIndex(of: String(token)) else { return false }
        bits |= 1 << UInt64(bit)
      }
      setSelections(bits, row: row)
    }
    return true
  }

  /// Sets a numeric cell to `value`, present, in place.
  public mutating func setNumber(_ value: Double, row: Int) {
    setInPlace(value, row: row, "numeric", { if case .numbers(let v) = $0 { v } else { nil } }, ColumnValues.numbers)
  }

  /// Sets a categorical cell to the level at `index`, present, in place.
  public mutating func setCode(_ index: Int32, row: Int) {
    setInPlace(index, row: row, "categorical", { if case .codes(let v) = $0 { v } else { nil } }, ColumnValues.codes)
  }

  /// Sets a text cell, present, in place.
  public mutating func setText(_ text: String, row: Int) {
    setInPlace(text, row: row, "text", { if case .texts(let v) = $0 { v } else { nil } }, ColumnValues.texts)
  }

  /// Sets a date cell to a day number (days since 1970-01-01), present, in place.
  public mutating func setDate(_ days: Int32, row: Int) {
    setInPlace(days, row: row, "a date", { if case .dates(let v) = $0 { v } else { nil } }, ColumnValues.dates)
  }

  /// Sets a date-time cell to `milliseconds` since 1970 (UTC), present, in place.
  public mutating func setInstant(_ milliseconds: Int64, row: Int) {
    setInPlace(
      milliseconds, row: row, "a date-time", { if case .instants(let v) = $0 { v } else { nil } }, ColumnValues.instants)
  }

  /// Sets a multi-select cell to the options whose bits are set, present, in place.
  public mutating func setSelections(_ bits: UInt64, row: Int) {
    setInPlace(
      bits, row: row, "a multi-select", { if case .selections(let v) = $0 { v } else { nil } }, ColumnValues.selections)
  }

  /// Writes `value` at `row` of the values `payload` takes out of the enum, without copying them:
  /// the enum is emptied first, so the array taken out is the only reference to its storage.
  private mutating func setInPlace<T>(
    _ value: T, row: Int, _ kind: String, _ payload: (ColumnValues) -> [T]?, _ wrap: ([T]) -> ColumnValues
  ) {
    guard var v = payload(values) else { preconditionFailure("\(name) is not \(kind)") }
    values = wrap([])
    v[row] = value
    values = wrap(v)
    markPresent(row)
  }

  private mutating func markPresent(_ row: Int) {
    state[row] = .present
    if !raw.isEmpty { raw[row] = nil }
  }
}
