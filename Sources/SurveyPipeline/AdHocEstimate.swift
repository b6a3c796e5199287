import SurveyCore
import SurveyIngest
import SurveyTabulate
import SurveyWeight

/// `survey-pipe estimate`: design-based estimates from one CSV file without a codebook.
public struct AdHocEstimate: Sendable {
  /// One requested estimate: a statistic of a column.
  public struct Request: Sendable, Equatable {
    public var statistic: Statistic
    public var variable: String

    public init(_ statistic: Statistic, _ variable: String) {
      self.statistic = statistic
      self.variable = variable
    }
  }

  public var data: String
  public var read: ReadOptions
  public var design: DesignSpec
  public var requests: [Request]
  public var by: [String]
  public var options: EstimateOptions

  public init(
    data: String, read: ReadOptions, design: DesignSpec, requests: [Request], by: [String], options: EstimateOptions
  ) {
    self.data = data
    self.read = read
    self.design = design
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
  }

  /// Reads the file and computes every request by the domains of `by`.
  ///
  /// - Throws: ``PipelineError/unreadableData(file:line:problem:)`` for a broken record or
  ///   text in a numeric column; the ingest, weighting and tabulation errors otherwise.
  public func execute() throws -> Outcome {
    let source = BatchSource(path: data, name: data, read: read)
    let result = try Ingest.read([source], schema: schema())
    var notes = try Self.checkReadable(result)
    let weights = try Weighting.designWeights(design, table: result.table)
    notes += weights.notes.map { "note: \($0)" }
    let survey = try SurveyDesign(table: result.table, spec: design, weights: weights.values)
    let domains = try survey.domains(by: by)
    var tables: [EstimateTable] = []
    for request in requests {
      let rows = try survey.estimate(request.statistic, of: request.variable, domains: domains, options: options)
      let suffix = domains.variables.isEmpty ? "" : " by " + domains.variables.joined(separator: ", ")
      tables.append(
        EstimateTable(title: "\(request.statistic.rawValue) of \(request.variable)\(suffix)", rows: rows, level: options.level))
    }
    return Outcome(tables: tables, notes: notes, byVariables: domains.variables)
  }

  /// The columns to read, each once: weights, probabilities, fpcs and means as decimals;
  /// strata, PSUs, domains and proportions as categories found in the data; totals as
  /// categories that become decimals when most values are numbers.
  func schema() -> IngestSchema {
    let means = requests.filter { $0.statistic == .mean }.map(\.variable)
    let totals = requests.filter { $0.statistic == .total }.map(\.variable)
    let proportions = requests.filter { $0.statistic == .proportion }.map(\.variable)
    let numeric = [design.weight, design.probability].compactMap { $0 } + design.fpc + means
    let grouping = [design.strata].compactMap { $0 } + design.psu + by + proportions
    var names: [String] = []
    for name in numeric + totals + grouping where !names.contains(name) { names.append(name) }
    let fields = names.map { name -> IngestField in
      if numeric.contains(name) { return IngestField(name: name, type: .decimal) }
      return IngestField(name: name, type: .categorical, discoversLevels: true, numericIfPossible: totals.contains(name))
    }
    return IngestSchema(
      fields: fields, idField: nil, reportsUnknownColumns: false, missingColumnIsFatal: true,
      missingTokens: ["null", "NA"])
  }

  /// Stops on any error the reader found (a ragged row, a bad quote, undecodable bytes) and on a
  /// numeric cell that is not a number; returns the warnings. Messages name file and line.
  static func checkReadable(_ result: IngestResult) throws -> [String] {
    var warnings: [String] = []
    for finding in result.findings where finding.severity != .info {
      if finding.severity == .error {
        throw PipelineError.unreadableData(file: finding.batch ?? "", line: finding.line, problem: finding.message)
      }
      let place = [finding.batch, finding.line.map(String.init)].compactMap { $0 }.joined(separator: ":")
      warnings.append("warning: " + (place.isEmpty ? "" : place + ": ") + finding.message)
    }
    let table = result.table
    for column in table.columns where column.numbers != nil {
      if let row = column.state.firstIndex(of: .invalid) {
        let place = table.location(row: row)
        throw PipelineError.unreadableData(
          file: place.batch, line: place.line, problem: "the column '\(column.name)' holds a value that is not a number")
      }
    }
    return warnings
  }
}
