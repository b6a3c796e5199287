import SurveyCore
import SurveyDesign
import Testing
import _SurveyTestSupport

@testable import SurveyTabulate

@Suite("Tabulate: rates and census designs")
struct EstimatorRateTests {
  /// The tiny design of `tinyTable` (two strata, five PSUs, fpc): Σ w y = 45 with V = 72 and
  /// df 3 (worked out in LinearizationTests.total).
  static func population(_ rows: [(String, String, Double)]) throws -> PopulationTable {
    try PopulationTable(
      file: "population.csv", keyColumns: ["g", "year"],
      rows: rows.enumerated().map { PopulationTable.Row(keys: [$1.0, $1.1], population: $1.2, source: "census", line: $0 + 2) })
  }

  @Test("a rate against a population: the total × per ÷ population, its SE and interval scaled alike")
  func againstPopulation() throws {
    let estimator = try tinyDesign().estimator()
    // No by-variable: the file's g rows (x 50, y 40) are added up for 2025: 90 people.
    let population = try Self.population([("x", "2025", 50), ("y", "2025", 40), ("x", "2024", 10), ("y", "2024", 10)])
    var table = TableSpec(name: "r", statistic: .rate, variable: "y")
    table.rate = RateSpec(numerator: "y", per: 1000, population: "population.csv", year: "2025")
    let row = try #require(try estimator.estimate(table, population: population).first)
    // 45 × 1000 / 90 = 500; SE √72 × 1000/90; CI 500 ∓ qt(0.975, 3) × SE.
    let se = 72.0.squareRoot() * 1000 / 90
    #expect(row.statistic == .rate && row.variable == "y")
    #expect(close(row.estimate, 500) && close(row.se, se) && row.df == 3 && row.n == 6)
    #expect(close(row.ciLow, 500 - 3.1824463052837078 * se) && close(row.ciHigh, 500 + 3.1824463052837078 * se))
  }

  @Test("by a key of the file: each domain takes its own row's population")
  func byDomain() throws {
    let estimator = try tinyDesign().estimator()
    let population = try Self.population([("x", "2025", 50), ("y", "2025", 40)])
    var table = TableSpec(name: "r", statistic: .rate, variable: "y", by: ["g"])
    table.rate = RateSpec(numerator: "y", per: 100, population: "population.csv")
    let rows = try estimator.estimate(table, population: population)
    // g x: rows 0, 2, 4 with w y 2, 12, 9 = 23 → 23 × 100 / 50 = 46; g y: 4 + 3 + 15 = 22 → 55.
    #expect(rows.map(\.by.first?.level) == ["x", "y"])
    #expect(close(rows[0].estimate, 46) && close(rows[1].estimate, 55))
    let totals = try estimator.estimate(.total, of: "y", domains: estimator.domains(by: ["g"]))
    #expect(close(rows[0].se, totals[0].se! * 2) && close(rows[1].se, totals[1].se! * 2.5))
  }

  @Test("a file with several years and no year: refused, naming the years; a missing domain: refused")
  func populationMistakes() throws {
    let estimator = try tinyDesign().estimator()
    var table = TableSpec(name: "r", statistic: .rate, variable: "y")
    table.rate = RateSpec(numerator: "y", per: 1000, population: "population.csv")
    let years = try Self.population([("x", "2025", 50), ("x", "2024", 10)])
    #expect(throws: CoreError.self) { try estimator.estimate(table, population: years) }
    table.by = ["g"]
    table.rate?.year = "2025"
    let onlyX = try Self.population([("x", "2025", 50)])
    #expect {
      try estimator.estimate(table, population: onlyX)
    } throws: { error in
      (error as? CoreError)?.localizedDescription.contains("population.csv: population: no row for g=y") == true
    }
    table.rate?.population = nil
    #expect(throws: TabulateError.rateWithoutDenominator(table: "r")) { try estimator.estimate(table) }
  }

  @Test("a rate within the data: the ratio of the totals × per, as svyratio")
  func againstDenominator() throws {
    let estimator = try tinyDesign().estimator()
    var table = TableSpec(name: "r", statistic: .rate, variable: "y/N", by: ["g"])
    table.rate = RateSpec(numerator: "y", denominator: "N", per: 1000)
    let rates = try estimator.estimate(table)
    let ratios = try estimator.estimate(.ratio, of: "y/N", domains: estimator.domains(by: ["g"]))
    #expect(rates.count == 2)
    for (rate, ratio) in zip(rates, ratios) {
      #expect(rate.statistic == .rate && close(rate.estimate, ratio.estimate! * 1000) && close(rate.se, ratio.se! * 1000))
    }
    // g x: Σ w y = 23, Σ w N = 4 + 8 + 18 = 30 → 766.67 per 1000.
    #expect(close(rates[0].estimate, 23.0 / 30 * 1000))
  }

  @Test("a condition (0 = No, 1 = Yes) is counted as the number it codes")
  func conditionNumerator() throws {
    let table = testTable([codeColumn("ok", ["1", "0", "1", "1", nil], levels: ["0", "1"]), codeColumn("g", ["a", "a", "b", "b", "b"])])
    let estimator = try SurveyTabulateTests.estimator(table, spec: censusSpec(), weights: [1, 1, 1, 1, 1])
    var spec = TableSpec(name: "r", statistic: .rate, variable: "ok", by: ["g"])
    spec.rate = RateSpec(numerator: "ok", per: 10, population: "p.csv")
    let population = try PopulationTable(
      file: "p.csv", keyColumns: ["g"], rows: [.init(keys: ["a"], population: 4, line: 2), .init(keys: ["b"], population: 5, line: 3)])
    let rows = try estimator.estimate(spec, population: population)
    // a: 1 of 2 → 1 × 10 / 4 = 2.5; b: 2 (the missing cell counts nothing) → 2 × 10 / 5 = 4.
    #expect(rows.map(\.estimate) == [2.5, 4])
    #expect(rows.allSatisfy { $0.se == 0 && $0.ciLow == nil && $0.df == 0 })
  }

  func censusSpec() -> DesignSpec {
    var spec = DesignSpec()
    spec.census = true
    return spec
  }

  @Test("a census: totals, means, proportions and quantiles exact, SE 0, no interval, df 0; no test of association")
  func census() throws {
    let table = tinyTable()
    let estimator = try SurveyTabulateTests.estimator(table, spec: censusSpec(), weights: [Double](repeating: 1, count: 6))
    // y = 2, 4, 6, 1, 3, 5: total 21, mean 3.5, median (qrule math) the 3rd smallest, 3.
    let total = try #require(try estimator.estimate(TableSpec(name: "t", statistic: .total, variable: "y")).first)
    #expect(total.estimate == 21 && total.se == 0 && total.ciLow == nil && total.ciHigh == nil && total.df == 0 && total.n == 6)
    var mean = TableSpec(name: "m", statistic: .mean, variable: "y", deff: true)
    mean.by = ["g"]
    let means = try estimator.estimate(mean)
    // g x: 2, 6, 3 → 11/3; g y: 4, 1, 5 → 10/3; no design effect on a census.
    #expect(close(means[0].estimate, 11.0 / 3) && close(means[1].estimate, 10.0 / 3) && means.allSatisfy { $0.deff == nil })
    let median = try #require(try estimator.estimate(TableSpec(name: "q", statistic: .quantile, variable: "y")).first)
    #expect(median.estimate == 3 && median.se == 0 && median.ciLow == nil)
    let shares = try estimator.estimate(TableSpec(name: "p", statistic: .proportion, variable: "g", interval: .logit))
    #expect(shares.map(\.estimate) == [0.5, 0.5] && shares.allSatisfy { $0.se == 0 && $0.ciHigh == nil })
    #expect(throws: TabulateError.notForCensus(what: "a test of association")) {
      try estimator.chiSquare("g", "h", statistic: .f)
    }
  }
}

@Suite("Tabulate: a rate's rows and its population agree")
struct RateCoverageTests {
  /// A census of six workers over two years and two regions; the population by region and year.
  static func estimator() throws -> Estimator {
    let table = testTable([
      codeColumn("year", ["2024", "2024", "2025", "2025", "2025", "2025"]),
      codeColumn("region", ["a", "b", "a", "a", "b", "b"]),
      numberColumn("one", [1, 1, 1, 1, 1, 1]),
    ])
    var spec = DesignSpec()
    spec.census = true
    return try SurveyTabulateTests.estimator(table, spec: spec, weights: [Double](repeating: 1, count: 6))
  }

  static let population = try! PopulationTable(
    file: "pop.csv", keyColumns: ["region", "year"],
    rows: [
      .init(keys: ["a", "2024"], population: 10, line: 2), .init(keys: ["b", "2024"], population: 20, line: 3),
      .init(keys: ["a", "2025"], population: 10, line: 4), .init(keys: ["b", "2025"], population: 30, line: 5),
    ])

  static func table(filter: String?, by: [String] = ["region"]) throws -> TableSpec {
    var table = TableSpec(name: "d", statistic: .rate, variable: "one", by: by)
    table.rate = RateSpec(numerator: "one", per: 100, population: "pop.csv", year: "2025")
    table.filter = try filter.map { try Expression.parse($0) }
    return table
  }

  @Test("filtered to the population's year: a 2 of 10, b 2 of 30 (per 100: 20 and 6.67)")
  func agree() throws {
    let rows = try Self.estimator().estimate(try Self.table(filter: "year == 2025"), population: Self.population)
    #expect(rows.map(\.estimate) == [20, 200.0 / 30])
  }

  @Test("no year: given: the one year the filter keeps is the population's; no filter and no year: refused")
  func yearFromFilter() throws {
    var table = try Self.table(filter: "year == 2025")
    table.rate?.year = nil
    let estimator = try Self.estimator()
    #expect(try estimator.estimate(table, population: Self.population).map(\.estimate) == [20, 200.0 / 30])
    #expect(try estimator.populationYear(table.rate!, by: table.by, population: Self.population, filter: table.filter) == "2025")
    table.filter = nil
    #expect {
      try estimator.estimate(table, population: Self.population)
    } throws: { error in
      (error as? CoreError)?.localizedDescription.contains("rows for 2 years (2024, 2025): give the rate's year, or tabulate by year") == true
    }
  }

  @Test("without the filter: rows of 2024 counted over the 2025 population: refused, saying which")
  func forgottenFilter() throws {
    #expect {
      try Self.estimator().estimate(try Self.table(filter: nil), population: Self.population)
    } throws: { error in
      (error as? TabulateError)?.localizedDescription.contains(
        "the table counts rows with year 2024, but the population it divides by is for year 2025") == true
    }
  }

  @Test("a filter on a key the table is not by: the population of every region added up: refused")
  func filteredKey() throws {
    #expect {
      try Self.estimator().estimate(try Self.table(filter: "year == 2025 and region == 'a'", by: []), population: Self.population)
    } throws: { error in
      (error as? TabulateError)?.localizedDescription.contains(
        "the table's filter keeps region a, but the population adds up region a, b as well") == true
    }
    // By region instead: each region over its own population.
    let rows = try Self.estimator().estimate(try Self.table(filter: "year == 2025 and region == 'a'"), population: Self.population)
    #expect(rows.map(\.estimate) == [20])
  }
}
