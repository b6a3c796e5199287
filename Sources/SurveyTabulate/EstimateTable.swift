/// A titled group of estimate rows: one table of `tables.md`.
public struct EstimateTable: Sendable, Equatable {
  public var title: String
  public var rows: [EstimateRow]
  /// The confidence level of the intervals, for the column header.
  public var level: Double
  /// The suppression threshold the rows went through, for the marker text.
  public var suppressBelow: Int?

  public init(title: String, rows: [EstimateRow], level: Double = 0.95, suppressBelow: Int? = nil) {
    self.title = title
    self.rows = rows
    self.level = level
    self.suppressBelow = suppressBelow
  }
}
