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
    options: EstimateOptions, table: String, filter: Expression? = nil
  ) throws -> [EstimateRow] {
    // A condition (0 = No, 1 = Yes) is counted as the number it codes.
    var estimator = self
    for name in [rate.numerator] + (rate.denominator.map { [$0] } ?? []) {
      if let index = self.table.columnIndex(name), let counted = Self.counted(self.table.columns[index]) {
        estimator.table.columns[index] = counted
      }
    }
    return try estimator.rateRows(
      rate, by: variables, population: population, domains: domains, options: options, table: table, filter: filter)
  }

  /// A categorical column whose codes are 0 and 1 (a condition) as a numeric column of those
  /// numbers; nil for any other column (a categorical column with other codes then fails as
  /// not numeric: its codes are never added up).
  static func counted(_ column: Column) -> Column? {
    guard case .codes(let codes) = column.values, column.levels.allSatisfy(RateSpec.conditionCodes.contains) else {
      return nil
    }
    let numbers = column.levels.map { Double($0) }
    let values = codes.map { $0 >= 0 && Int($0) < numbers.count ? numbers[Int($0)]! : 0 }
    return Column(name: column.name, type: .decimal, values: .numbers(values), state: column.state)
  }

  private func rateRows(
    _ rate: RateSpec, by variables: [String], population: PopulationTable?, domains: Domains,
    options: EstimateOptions, table: String, filter: Expression?
  ) throws -> [EstimateRow] {
    var options = options
    options.interval = .wald
    options.deff = false
    options.difference = nil
    if let denominator = rate.denominator {
      let rows = try ratio("\(rate.numerator)/\(denominator)", domains: domains, options: options)
      return rows.map { Self.scaled($0, by: rate.per, variable: rate.variable) }
    }
    guard let file = rate.population else { throw TabulateError.rateWithoutDenominator(table: table) }
    guard let population else { throw TabulateError.populationNotRead(table: table, file: file) }
    let totals = try estimate(.total, of: rate.numerator, domains: domains, options: options)
    let matches = try populationMatches(rate, by: variables, rows: totals, population: population, filter: filter)
    try checkCoverage(population, matches: matches, by: variables, filter: filter)
    return zip(totals, matches).map { row, match in
      Self.scaled(row, by: rate.per / match.population, variable: rate.variable)
    }
  }

  /// The population rows each of `rows` (a rate's, or its totals', in a table by `variables`)
  /// divides by, in the year ``populationYear(_:by:population:filter:)`` chooses.
  ///
  /// - Throws: ``SurveyCore/CoreError`` as ``SurveyCore/PopulationTable/matches(by:levels:year:)``.
  public func populationMatches(
    _ rate: RateSpec, by variables: [String], rows: [EstimateRow], population: PopulationTable, filter: Expression?
  ) throws -> [PopulationTable.Match] {
    let levels = rows.map { row in variables.map { name in row.by.first { $0.variable == name }?.level ?? "" } }
    let year = try populationYear(rate, by: variables, population: population, filter: filter)
    return try population.matches(by: variables, levels: levels, year: year)
  }

  /// The year of the population a rate divides by when the table is not by `year`: the rate's
  /// `year:`; else, when the file has several years and the rows the table's filter keeps all
  /// have one `year` that the file has (`filter: "year == 2025"`), that year; else nil (the file
  /// has one year, or none, or the lookup refuses the choice).
  func populationYear(
    _ rate: RateSpec, by variables: [String], population: PopulationTable, filter: Expression?
  ) throws -> String? {
    if let year = rate.year { return year }
    let name = PopulationTable.yearColumn
    guard !variables.contains(name), population.years.count > 1, let column = table.column(name) else { return nil }
    let kept = try domains(by: [], subset: filter).rowDomain
    var years = Set<String>()
    for row in 0..<column.count where kept[row] >= 0 {
      if let value = column.formatted(row: row) { years.insert(value) }
    }
    guard years.count == 1, let only = years.first, population.years.contains(only) else { return nil }
    return only
  }

  /// Checks, for every key column of the population file that is also a column of the data but
  /// not a by-variable, that the rows counted and the population rows taken agree: no row is
  /// counted whose value has no population (three years of workers over one year's population,
  /// when the table forgets its `filter: "year == 2025"`), and when the table's filter names the
  /// column, no population is added up for values the filter leaves out (women over the whole
  /// population, with `filter: "sex == 2"`).
  ///
  /// - Throws: ``TabulateError/populationMismatch(column:problem:)``.
  func checkCoverage(
    _ population: PopulationTable, matches: [PopulationTable.Match], by variables: [String], filter: Expression?
  ) throws {
    let kept = try domains(by: [], subset: filter).rowDomain
    let named = Set(filter?.variables ?? [])
    let taken = matches.flatMap(\.rows)
    for (index, key) in population.keyColumns.enumerated() where !variables.contains(key) {
      guard let column = table.column(key) else { continue }
      var counted = Set<String>()
      for row in 0..<column.count where kept[row] >= 0 {
        if let value = column.formatted(row: row) { counted.insert(value) }
      }
      let divided = Set(taken.map { $0.keys[index] })
      let uncovered = counted.subtracting(divided).sorted()
      if !uncovered.isEmpty {
        throw TabulateError.populationMismatch(
          column: key,
          problem: "the table counts rows with \(key) \(uncovered.joined(separator: ", ")), but the population it divides by is for \(key) \(divided.sorted().joined(separator: ", ")): filter the table to those (filter: \"\(key) == …\") or tabulate by \(key)")
      }
      let unfiltered = divided.subtracting(counted).sorted()
      if named.contains(key), !unfiltered.isEmpty {
        throw TabulateError.populationMismatch(
          column: key,
          problem: "the table's filter keeps \(key) \(counted.sorted().joined(separator: ", ")), but the population adds up \(key) \(divided.sorted().joined(separator: ", ")) as well: tabulate by \(key), or give a population file for the filtered rows")
      }
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
