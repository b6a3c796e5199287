extension Column {
  /// Sets the cell at `row` from text, typed as the column's type (used for reviewers' `set`
  /// decisions). Numbers use `.` as decimal mark and ``NumberText``'s rule (no `nan`, `inf` or
  /// hexadecimal; whole numbers exact within ±2^53); dates the ISO form or `dateFormat`;
  /// multi-selects space-separated codes; an empty text makes the cell missing.
  ///
  /// - Returns: false, leaving the cell unchanged, when the text is not a value of the column.
  @discardableResult
  public mutating func assign(_ text: String, row: Int, dateFormat: DateFormat? = nil) -> Bool {
    if text.isEmpty {
      setMissing(row: row)
      return true
    }
    switch values {
    case .numbers(var v):
      guard case .success(let value) = NumberText.read(text, integer: type == .integer) else { return false }
      v[row] = value
      values = .numbers(v)
    case .codes(var v):
      guard let index = levels.firstIndex(of: text) else { return false }
      v[row] = Int32(index)
      values = .codes(v)
    case .texts(var v):
      v[row] = text
      values = .texts(v)
    case .dates(var v):
      guard let date = DateFormat.iso.parse(text) ?? dateFormat?.parse(text) else { return false }
      v[row] = Int32(date.daysSinceEpoch)
      values = .dates(v)
    case .instants(var v):
      guard let instant = ISODateTime.milliseconds(text) else { return false }
      v[row] = instant
      values = .instants(v)
    case .selections(var v):
      var bits: UInt64 = 0
      for token in text.split(separator: " ") {
        guard let bit = levels.firstIndex(of: String(token)) else { return false }
        bits |= 1 << UInt64(bit)
      }
      v[row] = bits
      values = .selections(v)
    }
    state[row] = .present
    raw[row] = nil
    return true
  }
}
