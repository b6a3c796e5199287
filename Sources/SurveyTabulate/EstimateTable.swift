import SurveyCore
import SurveyDesign

/// A titled group of estimate rows: one table of `tables.md`.
public struct EstimateTable: Sendable, Equatable {
  public var title: String
  public var rows: [EstimateRow]
  /// The confidence level of the intervals, for the column header.
  public var level: Double
  /// How the intervals of its proportions were built, for the column header.
  public var interval: IntervalMethod
  /// The suppression threshold the rows went through, for the marker text.
  public var suppressBelow: Int?
  /// The CV above which an estimate is marked unreliable.
  public var cvFlag: Double
  /// Labels of codes, by variable then code (from the codebook), shown beside the codes.
  public var labels: [String: [String: String]]
  /// Sentences shown under the title: the rows a filter kept, how SEs were computed when not
  /// by linearization.
  public var notes: [String] = []
  /// The rows come from a census: exact figures, no interval (the interval column says so).
  public var census = false

  public init(
    title: String, rows: [EstimateRow], level: Double = 0.95, interval: IntervalMethod = .wald,
    suppressBelow: Int? = nil, cvFlag: Double = EstimateRow.defaultCVFlag, labels: [String: [String: String]] = [:]
  ) {
    self.cvFlag = cvFlag
    self.title = title
    self.rows = rows
    self.level = level
    self.interval = interval
    self.suppressBelow = suppressBelow
    self.labels = labels
  }

  /// The interval column's header: `95% CI`, with the method for a proportion's svyciprop
  /// interval or a quantile's interval type (`95% CI (logit)`).
  public var intervalHeader: String {
    if census { return "CI (none: a census)" }
    let named = interval.isProportionOnly && rows.contains { $0.statistic == .proportion || $0.statistic == .quantile }
    // Quantiles take logit as xlogit (Estimator.quantiles): say which was computed.
    let quantilesOnly = !rows.isEmpty && rows.allSatisfy { $0.statistic == .quantile }
    let method = interval == .logit && quantilesOnly ? "xlogit" : interval.rawValue
    return "\(EstimateMarkdown.percent(level))% CI" + (named ? " (\(method))" : "")
  }

  /// The level of by-variable `name` in `row`, labelled; for a difference's variable
  /// `TO − FROM`, each labelled.
  public func domainLabel(_ row: EstimateRow, _ name: String) -> String {
    if let difference = row.difference, difference.variable == name {
      return "\(labelled(difference.to, of: name)) − \(labelled(difference.from, of: name))"
    }
    return row.by.first { $0.variable == name }.map { labelled($0.level, of: name) } ?? ""
  }

  /// `code` of `variable` with its label, as `1 Current migrant`; the code alone without one.
  public func labelled(_ code: String, of variable: String) -> String {
    guard let label = labels[variable]?[code], label != code else { return code }
    return "\(code) \(label)"
  }

  /// The notes of a table estimated on the rows `filter` keeps, with `replicates`' SEs.
  public static func notes(filter: Expression?, replicates: ReplicateWeights?) -> [String] {
    var notes: [String] = []
    if let filter { notes.append("Rows where \(filter.description), estimated as a domain of the full design.") }
    if let replicates { notes.append("Standard errors from \(replicates.summary).") }
    return notes
  }
}
