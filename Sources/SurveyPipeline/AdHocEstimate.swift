import SurveyCore
import SurveyTabulate

/// `survey-pipe estimate`: design-based estimates from one CSV file without a codebook.
public struct AdHocEstimate: Sendable {
  /// One requested estimate: a statistic of a column.
  public struct Request: Sendable, Equatable {
    public var statistic: Statistic
    public var variable: String
    /// For a quantile: its probabilities (the median unless given).
    public var probabilities: [Double]

    public init(_ statistic: Statistic, _ variable: String, probabilities: [Double] = [0.5]) {
      self.statistic = statistic
      self.variable = variable
      self.probabilities = probabilities
    }
  }

  public var data: String
  public var read: ReadOptions
  public var design: DesignSpec
  /// Nonresponse adjustment, post-stratification, raking, calibration and trimming (nil: the
  /// design weights are final).
  public var weighting: WeightingSpec?
  public var requests: [Request]
  public var by: [String]
  public var options: EstimateOptions
  /// Columns read as categories even when their values are numbers (R's `factor()`): a total
  /// of one gives one total per code (a weighted table, R's `svytable`).
  public var categorical: [String]
  /// Tests of association: pairs of categorical columns, and the statistic of all of them.
  public var tests: [(String, String)] = []
  public var testStatistic: ChiSquareStatistic = .f
  /// Estimate for the rows where this is true, as a domain of the full design (`--subset`).
  public var subset: Expression?

  public init(
    data: String, read: ReadOptions, design: DesignSpec, weighting: WeightingSpec? = nil, requests: [Request],
    by: [String], options: EstimateOptions, categorical: [String] = []
  ) {
    self.categorical = categorical
    self.data = data
    self.read = read
    self.design = design
    self.weighting = weighting
    self.requests = requests
    self.by = by
    self.options = options
  }

  /// What an estimate produced: one table per request, and notes for standard error.
  public struct Outcome: Sendable {
    public var tables: [EstimateTable]
    /// Warnings about the file and notes from weighting (R's "assuming equal probability").
    public var notes: [String]
    /// The by-variables, in order (the CSV's by columns).
    public var byVariables: [String]
    /// One row per test of association, in flag order.
    public var tests: [TestRow] = []
  }

  /// Reads the file, weights it and computes every request by the domains of `by`.
  ///
  /// - Throws: ``PipelineError/unreadableData(file:line:problem:)`` for a broken record or
  ///   text in a numeric column; the ingest, design, weighting and tabulation errors otherwise.
  public func execute() throws -> Outcome {
    let weighted = try AdHocWeighting(data: data, read: read, design: design, weighting: weighting).run(
      numeric: requests.filter { $0.statistic == .mean || $0.statistic == .quantile }.map(\.variable)
        + requests.filter { $0.statistic == .ratio }.flatMap { request in
          ratioParts(request.variable).map { [$0.numerator, $0.denominator] } ?? [request.variable]
        },
      totals: requests.filter { $0.statistic == .total && !categorical.contains($0.variable) }.map(\.variable),
      grouping: by + requests.filter { $0.statistic == .proportion }.map(\.variable)
        + requests.filter { $0.statistic == .total && categorical.contains($0.variable) }.map(\.variable)
        + tests.flatMap { [$0.0, $0.1] } + (subset?.variables ?? []))
    let estimator = try Estimator(table: weighted.ingest.table, design: weighted.weighting.design)
    let domains = try estimator.domains(by: by, subset: subset)
    var notes = weighted.notes
    if let subset, domains.rowsInDomains == 0 {
      notes.append("note: --subset '\(subset.description)' is true on no row with a weight, so every estimate is empty")
    }
    var tables: [EstimateTable] = []
    let census = estimator.design.spec.census
    for request in requests {
      let estimated =
        request.statistic == .quantile
        ? try estimator.quantiles(
          of: request.variable, probabilities: request.probabilities, domains: domains, options: options)
        : try estimator.estimate(request.statistic, of: request.variable, domains: domains, options: options)
      let rows = census ? Estimator.censusRows(estimated) : estimated
      let suffix = domains.variables.isEmpty ? "" : " by " + domains.variables.joined(separator: ", ")
      // Quantiles on a replicate design take the wald interval whatever --ci says (as R).
      let interval = request.statistic == .quantile && estimator.design.replicates != nil ? .wald : options.interval
      var table = EstimateTable(
        title: "\(request.statistic.rawValue) of \(request.variable)\(suffix)", rows: rows, level: options.level,
        interval: interval)
      table.notes = EstimateTable.notes(filter: subset, replicates: estimator.design.replicates)
      table.census = census
      tables.append(table)
    }
    if subset != nil, !tests.isEmpty { throw TabulateError.notForSubsets(what: "--chisq") }
    let testRows = try tests.map { try estimator.chiSquare($0.0, $0.1, statistic: testStatistic) }
    return Outcome(tables: tables, notes: notes, byVariables: domains.variables, tests: testRows)
  }
}
