/// A titled group of estimate rows: one table of `tables.md`.
public struct EstimateTable: Sendable, Equatable {
  public var title: String
  public var rows: [EstimateRow]
  /// The confidence level of the intervals, for the column header.
  public var level: Double
  /// The suppression threshold the rows went through, for the marker text.
  public var suppressBelow: Int?
  /// Labels of codes, by variable then code (from the codebook), shown beside the codes.
  public var labels: [String: [String: String]]

  public init(
    title: String, rows: [EstimateRow], level: Double = 0.95, suppressBelow: Int? = nil,
    labels: [String: [String: String]] = [:]
  ) {
    self.title = title
    self.rows = rows
    self.level = level
    self.suppressBelow = suppressBelow
    self.labels = labels
  }

  /// `code` of `variable` with its label, as `1 Current migrant`; the code alone without one.
  public func labelled(_ code: String, of variable: String) -> String {
    guard let label = labels[variable]?[code], label != code else { return code }
    return "\(code) \(label)"
  }
}
