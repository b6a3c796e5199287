extension Array where Element == EstimateRow {
  /// The by-variables of the rows, in order of first appearance.
  public var byVariables: [String] {
    var names: [String] = []
    for row in self {
      for part in row.by where !names.contains(part.variable) { names.append(part.variable) }
    }
    return names
  }
}
