import SurveyCore

extension Estimator {
  /// A rate in every domain (``SurveyCore/RateSpec``).
  ///
  /// Against a population file: the domain's total of the numerator × per ÷ its population.
  /// The population is a known constant, so the SE and the interval are the total's, scaled the
  /// same way. Against a denominator variable: R's `svyratio` of the two totals × per.
  ///
  /// - Throws: ``TabulateError`` as for totals and ratios, or when a population file rate has
  ///   no file; ``SurveyCore/CoreError`` when the file has no population for a domain.
  func rate(
    _ rate: RateSpec, by variables: [String], population: PopulationTable?, domains: Domains,
    options: EstimateOptions, table: String
  ) throws -> [EstimateRow] {
    // A condition (0 = No, 1 = Yes) is counted as the number it codes.
    var estimator = self
    for name in [rate.numerator] + (rate.denominator.map { [$0] } ?? []) {
      if let index = self.table.columnIndex(name), let counted = Self.counted(self.table.columns[index]) {
        estimator.table.columns[index] = counted
      }
    }
    return try estimator.rateRows(rate, by: variables, population: population, domains: domains, options: options, table: table)
  }

  /// A categorical column whose codes are all numbers (a derived condition, 0 or 1) as a
  /// numeric column of those numbers; nil for any other column.
  static func counted(_ column: Column) -> Column? {
    guard case .codes(let codes) = column.values else { return nil }
    let numbers = column.levels.map { Double($0) }
    guard !numbers.contains(nil) else { return nil }
    let values = codes.map { $0 >= 0 && Int($0) < numbers.count ? numbers[Int($0)]! : 0 }
    return Column(name: column.name, type: .decimal, values: .numbers(values), state: column.state)
  }

  private func rateRows(
    _ rate: RateSpec, by variables: [String], population: PopulationTable?, domains: Domains,
    options: EstimateOptions, table: String
  ) throws -> [EstimateRow] {
    var options = options
    options.interval = .wald
    options.deff = false
    options.difference = nil
    if let denominator = rate.denominator {
      let rows = try ratio("\(rate.numerator)/\(denominator)", domains: domains, options: options)
      return rows.map { Self.scaled($0, by: rate.per, variable: rate.variable) }
    }
    guard let population else { throw TabulateError.rateWithoutDenominator(table: table) }
    let totals = try estimate(.total, of: rate.numerator, domains: domains, options: options)
    let levels = totals.map { row in variables.map { name in row.by.first { $0.variable == name }?.level ?? "" } }
    let matches = try population.matches(by: variables, levels: levels, year: rate.year)
    return zip(totals, matches).map { row, match in
      Self.scaled(row, by: rate.per / match.population, variable: rate.variable)
    }
  }

  /// `row` as a rate: its estimate, SE and interval multiplied by `factor` (a positive constant).
  static func scaled(_ row: EstimateRow, by factor: Double, variable: String) -> EstimateRow {
    var scaled = row
    scaled.statistic = .rate
    scaled.variable = variable
    scaled.estimate = row.estimate.map { $0 * factor }
    scaled.se = row.se.map { $0 * factor }
    scaled.ciLow = row.ciLow.map { $0 * factor }
    scaled.ciHigh = row.ciHigh.map { $0 * factor }
    scaled.deff = nil
    return scaled
  }

  /// The rows of a census: every unit of the population was counted, so an estimate has no
  /// sampling error: its SE is 0, and it has no confidence interval, design effect, degrees of
  /// freedom or p-value.
  public static func censusRows(_ rows: [EstimateRow]) -> [EstimateRow] {
    rows.map { row in
      var exact = row
      exact.se = row.estimate == nil ? nil : 0
      exact.ciLow = nil
      exact.ciHigh = nil
      exact.deff = nil
      exact.df = 0
      exact.pValue = nil
      return exact
    }
  }
}
