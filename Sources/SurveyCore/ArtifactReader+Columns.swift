/// Reads the compact column encodings of `ArtifactWriter+Columns.swift`.
extension ArtifactReader {
  /// Integers that ``ArtifactWriter/compactIntegers(_:)`` wrote.
  public mutating func compactIntegers() throws(CoreError) -> [Int32] {
    let tag = try byte()
    switch ArtifactWriter.IntegerWidth(rawValue: tag) {
    case .one: return (try plain() as [Int8]).map(Int32.init)
    case .two: return (try plain() as [Int16]).map(Int32.init)
    case .four: return try plain()
    case .doubles, nil: throw corrupt("an integer column has the unknown width \(tag)")
    }
  }

  /// Numbers that ``ArtifactWriter/compactNumbers(_:)`` wrote.
  public mutating func compactNumbers() throws(CoreError) -> [Double] {
    let tag = try byte()
    switch ArtifactWriter.IntegerWidth(rawValue: tag) {
    case .one: return (try plain() as [Int8]).map(Double.init)
    case .two: return (try plain() as [Int16]).map(Double.init)
    case .four: return (try plain() as [Int32]).map(Double.init)
    case .doubles: return try plain()
    case nil: throw corrupt("a number column has the unknown width \(tag)")
    }
  }

  /// Cell states that ``ArtifactWriter/states(_:)`` wrote; every byte must be a state's raw value.
  public mutating func states() throws(CoreError) -> [CellState] {
    switch try byte() {
    case 0:
      // No bytes a cell: the count is bounded as every count is (the payload's checksum was
      // checked before any of it is read).
      return [CellState](repeating: .present, count: try count())
    case 1:
      let raw: [UInt8] = try plain()
      guard raw.allSatisfy({ $0 <= CellState.invalid.rawValue }) else { throw corrupt("a cell state is unknown") }
      guard CellState.storedAsRawValue else { return raw.map { CellState(rawValue: $0)! } }
      // Every byte is a state's raw value (checked above), and a state's memory is its raw value
      // (checked by `storedAsRawValue`).
      return raw.withUnsafeBytes { Array($0.bindMemory(to: CellState.self)) }
    default:
      throw corrupt("the cell states have an unknown form")
    }
  }
}
