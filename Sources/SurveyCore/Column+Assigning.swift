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
    guard case .numbers(var v) = values else { preconditionFailure("\(name) is not numeric") }
    values = .numbers([])  // drop the enum's reference so `v` is unique and the write is in place
    v[row] = value
    values = .numbers(v)
    markPresent(row)
  }

  /// Sets a categorical cell to the level at `index`, present, in place.
  public mutating func setCode(_ index: Int32, row: Int) {
    guard case .codes(var v) = values else { preconditionFailure("\(name) is not categorical") }
    values = .codes([])
    v[row] = index
    values = .codes(v)
    markPresent(row)
  }

  /// Sets a text cell, present, in place.
  public mutating func setText(_ text: String, row: Int) {
    guard case .texts(var v) = values else { preconditionFailure("\(name) is not text") }
    values = .texts([])
    v[row] = text
    values = .texts(v)
    markPresent(row)
  }

  /// Sets a date cell to a day number (days since 1970-01-01), present, in place.
  public mutating func setDate(_ days: Int32, row: Int) {
    guard case .dates(var v) = values else { preconditionFailure("\(name) is not a date") }
    values = .dates([])
    v[row] = days
    values = .dates(v)
    markPresent(row)
  }

  /// Sets a date-time cell to `milliseconds` since 1970 (UTC), present, in place.
  public mutating func setInstant(_ milliseconds: Int64, row: Int) {
    guard case .instants(var v) = values else { preconditionFailure("\(name) is not a date-time") }
    values = .instants([])
    v[row] = milliseconds
    values = .instants(v)
    markPresent(row)
  }

  /// Sets a multi-select cell to the options whose bits are set, present, in place.
  public mutating func setSelections(_ bits: UInt64, row: Int) {
    guard case .selections(var v) = values else { preconditionFailure("\(name) is not a multi-select") }
    values = .selections([])
    v[row] = bits
    values = .selections(v)
    markPresent(row)
  }

  private mutating func markPresent(_ row: Int) {
    state[row] = .present
    if !raw.isEmpty { raw[row] = nil }
  }
}
