extension EstimateRow {
  /// The row with its numbers blanked and marked suppressed when `n` is below `threshold`.
  ///
  /// - Parameter threshold: the smallest unweighted n shown; nil suppresses nothing.
  public func suppressed(below threshold: Int?) -> EstimateRow {
    guard let threshold, n < threshold else { return self }
    var row = self
    row.estimate = nil
    row.se = nil
    row.ciLow = nil
    row.ciHigh = nil
    row.deff = nil
    row.suppressed = true
    return row
  }
}

extension Array where Element == EstimateRow {
  /// Every row with fewer than `threshold` unweighted respondents blanked and marked suppressed.
  public func suppressed(below threshold: Int?) -> [EstimateRow] {
    map { $0.suppressed(below: threshold) }
  }
}
