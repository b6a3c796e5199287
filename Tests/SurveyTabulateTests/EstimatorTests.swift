import SurveyCore
import SurveyDesign
import Testing
import _SurveyTestSupport

@testable import SurveyTabulate

@Suite("Tabulate: estimators, domains and levels")
struct EstimatorTests {
  /// Eight respondents, every row its own PSU, no strata, no fpc.
  ///
  /// ```
  /// row  w  sex  region  insured  cost
  ///  0   1  F    north   yes      10
  ///  1   1  F    south   no       20
  ///  2   2  M    north   yes      –
  ///  3   2  M    south   –        40
  ///  4   1  F    north   no       50
  ///  5   3  M    –       yes      60
  ///  6   1  F    south   yes      70
  ///  7   0  F    north   yes      80    (weight 0: in no domain)
  /// ```
  func design() throws -> Estimator {
    let table = testTable([
      numberColumn("w", [1, 1, 2, 2, 1, 3, 1, 0]),
      codeColumn("sex", ["F", "F", "M", "M", "F", "M", "F", "F"]),
      textColumn("region", ["north", "south", "north", "south", "north", nil, "south", "north"]),
      codeColumn("insured", ["yes", "no", "yes", nil, "no", "yes", "yes", "yes"], levels: ["yes", "no", "unsure"]),
      numberColumn("cost", [10, 20, nil, 40, 50, 60, 70, 80]),
    ])
    return try estimator(table, spec: DesignSpec(weight: "w"), weights: table.column("w")!.numbers!)
  }

  @Test("domains: combinations present with nonzero weight, first by-variable slowest")
  func domainOrder() throws {
    let domains = try design().domains(by: ["region", "sex"])
    #expect(domains.levels == [["north", "F"], ["north", "M"], ["south", "F"], ["south", "M"]])
    #expect(domains.rowDomain == [0, 2, 1, 3, 0, -1, 2, -1])
  }

  @Test("proportions: every level of the column, absent ones estimated as 0 with no deff")
  func proportions() throws {
    let design = try design()
    let rows = try design.estimate(
      .proportion, of: "insured", domains: design.domains(by: ["sex"]), options: EstimateOptions(deff: true))
    // Levels in column order (yes, no, unsure), for domain F then M.
    #expect(rows.map(\.level) == ["yes", "no", "unsure", "yes", "no", "unsure"])
    #expect(rows.map { $0.by.first?.level } == ["F", "F", "F", "M", "M", "M"])
    // F: rows 0, 1, 4, 6, weights 1 each: yes 2/4. n counts every row with a level.
    #expect(rows[0].estimate == 0.5)
    #expect(rows[0].n == 4)
    #expect(rows[0].df == 3)
    // "unsure" occurs nowhere: 0, se 0, deff undefined (0/0) as in R.
    #expect(rows[2].estimate == 0)
    #expect(rows[2].se == 0)
    #expect(rows[2].deff == nil)
    // M: rows 2 and 5 (row 3 has no value): all yes, so proportion 1, se 0, deff undefined.
    #expect(rows[3].estimate == 1)
    #expect(rows[3].n == 2)
    #expect(rows[3].se == 0)
    #expect(rows[3].deff == nil)
  }

  @Test("a total of a categorical variable gives one weighted count per level")
  func categoricalTotal() throws {
    let design = try design()
    let rows = try design.estimate(.total, of: "insured", domains: design.domains(by: []))
    // yes: rows 0, 2, 5, 6 → 1 + 2 + 3 + 1 = 7; no: rows 1, 4 → 2; unsure: 0.
    #expect(rows.map(\.estimate) == [7, 2, 0])
    #expect(rows.allSatisfy { $0.n == 6 && $0.df == 5 })
    // Every row its own PSU, one stratum, no fpc. n_h counts all 8 rows of the design (also the
    // one without a value and the one with weight 0, as R's sample size does); z for "no" is
    // w · 1{no} = (0, 1, 0, 0, 1, 0, 0, 0), z̄ = 2/8: V = 8/7 · (2 · 0.75² + 6 · 0.25²) = 12/7.
    let variance = 12.0 / 7
    #expect(close(rows[1].se, variance.squareRoot()))
  }

  @Test("a text column works as a by-variable and as a proportion")
  func textColumns() throws {
    let design = try design()
    let rows = try design.estimate(.proportion, of: "region", domains: design.domains(by: []))
    #expect(rows.map(\.level) == ["north", "south"])
    // Weighted: north 1 + 2 + 1 = 4, south 1 + 2 + 1 = 4 of 8 (row 5 has no region).
    #expect(rows.map(\.estimate) == [0.5, 0.5])
  }

  @Test("a domain with no value of the variable gives a row with no numbers, df 0 and n 0")
  func emptyDomain() throws {
    let table = testTable([
      numberColumn("w", [1, 1, 1, 1]), codeColumn("g", ["a", "a", "b", "b"]), numberColumn("y", [1, 2, nil, nil]),
    ])
    let design = try estimator(table, spec: DesignSpec(weight: "w"), weights: [1, 1, 1, 1])
    let rows = try design.estimate(.mean, of: "y", domains: design.domains(by: ["g"]), options: EstimateOptions(deff: true))
    #expect(rows.count == 2)
    #expect(rows[1] == EstimateRow(
      statistic: .mean, variable: "y", by: [DomainLevel(variable: "g", level: "b")], estimate: nil, se: nil,
      ciLow: nil, ciHigh: nil, deff: nil, df: 0, n: 0))
    // Domain a: rows 0, 1 (PSUs 0, 1) of the 4 PSUs of the stratum: df = 2 − 1.
    #expect(rows[0].estimate == 1.5)
    #expect(rows[0].df == 1)
  }

  @Test("numeric strata and PSU columns, with PSU ids reused across strata (nested)")
  func numericDesignColumns() throws {
    let table = testTable([
      numberColumn("stratum", [1, 1, 1, 2, 2, 2]), numberColumn("cluster", [1, 1, 2, 1, 2, 3]),
      numberColumn("y", [2, 4, 6, 1, 3, 5]), numberColumn("N", [4, 4, 4, 6, 6, 6]),
    ])
    let spec = DesignSpec(strata: "stratum", psu: ["cluster"], fpc: ["N"])
    let design = try estimator(table, spec: spec, weights: [1, 1, 2, 3, 3, 3])
    #expect(design.design.structure.first.strataLabels == ["1", "2"])
    #expect(design.design.structure.first.unitCount == 5)
    // The tiny design of LinearizationTests under other names: V = 72.
    let row = try #require(try design.estimate(.total, of: "y", domains: design.domains(by: [])).first)
    #expect(close(row.se, 72.0.squareRoot()))
  }

  @Test("mistakes: unknown column, mean of a category, bad level, a weight that is not a number")
  func errors() throws {
    let design = try design()
    let domains = try design.domains(by: [])
    #expect(throws: TabulateError.unknownColumn(column: "age")) { try design.estimate(.mean, of: "age", domains: domains) }
    #expect(throws: TabulateError.notNumeric(column: "sex", statistic: .mean)) {
      try design.estimate(.mean, of: "sex", domains: domains)
    }
    #expect(throws: TabulateError.invalidLevel(1.5)) {
      try design.estimate(.mean, of: "cost", domains: domains, options: EstimateOptions(level: 1.5))
    }
    #expect(throws: TabulateError.unknownColumn(column: "nope")) { try design.domains(by: ["nope"]) }
    let table = design.table
    var weights = design.weights
    weights[3] = .nan
    #expect(throws: DesignError.invalidWeight(at: RowLocation(batch: "test.csv", line: 5, recordID: nil))) {
      try estimator(table, spec: DesignSpec(weight: "w"), weights: weights)
    }
  }
}
