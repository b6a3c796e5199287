import SurveyCore
import SurveyDesign
import Testing
import _SurveyTestSupport

@testable import SurveyTabulate

/// A two-stage design worked by hand; R 4.2.2 with survey 4.1-1 gives the same numbers:
/// `svydesign(ids=~psu+ssu, fpc=~N1+N2, data=d)` with `svytotal(~y)` variance 510 and
/// `svymean(~y)` SE 0.78865243057382384.
///
/// ```
/// row psu ssu N1 N2  y   weight = (N1/n1)(N2/n2)
///  0   a   1  10  4  1   5 · 2 = 10
///  1   a   1  10  4  2   10
///  2   a   2  10  4  4   10
///  3   b   1  10  2  4   5 · 1 = 5
///  4   b   2  10  2  5   5
/// ```
@Suite("Tabulate: multistage variance by hand")
struct TaylorVarianceTests {
  func estimator(lonely: LonelyPSU = .fail, n2: [Double] = [4, 4, 4, 2, 2]) throws -> Estimator {
    let table = testTable([
      codeColumn("psu", ["a", "a", "a", "b", "b"]), numberColumn("ssu", [1, 1, 2, 1, 2]),
      numberColumn("N1", [10, 10, 10, 10, 10]), numberColumn("N2", n2), numberColumn("y", [1, 2, 4, 4, 5]),
    ])
    let structure = try SampleStructure(
      table: table, spec: DesignSpec(psu: ["psu", "ssu"], fpc: ["N1", "N2"], lonelyPSU: lonely))
    return try Estimator(table: table, design: Design(structure: structure, weights: structure.impliedWeights()!))
  }

  @Test("total: the first stage's variance plus each PSU's second stage times n1/N1")
  func total() throws {
    let estimator = try estimator()
    let row = try #require(try estimator.estimate(.total, of: "y", domains: estimator.domains(by: [])).first)
    // Σ w y = 10 + 20 + 40 + 20 + 25 = 115. PSU totals a 70, b 45: mean 57.5,
    // Σ (t − t̄)² = 2 · 12.5² = 312.5, f1 = (10 − 2)/10: v1 = 0.8 · 2/1 · 312.5 = 500.
    // Within a: SSU totals 30, 40, f2 = (4 − 2)/4: 0.5 · 2 · 50 = 50, times n1/N1 = 0.2: 10.
    // Within b: N2 = n2 = 2, f2 = 0: nothing. V = 510.
    #expect(row.estimate == 115)
    #expect(close(row.se, 510.0.squareRoot()))
    // df = PSUs − strata = 2 − 1.
    #expect(row.df == 1)
    let mean = try #require(try estimator.estimate(.mean, of: "y", domains: estimator.domains(by: [])).first)
    #expect(close(mean.se, 0.78865243057382384))
  }

  @Test("a PSU with a single second-stage unit follows the lonely-PSU rule at stage 2")
  func lonelySecondStage() throws {
    // PSU b's two rows now belong to one second-stage unit (of N2 = 2).
    let table = testTable([
      codeColumn("psu", ["a", "a", "a", "b", "b"]), numberColumn("ssu", [1, 1, 2, 1, 1]),
      numberColumn("N1", [10, 10, 10, 10, 10]), numberColumn("N2", [4, 4, 4, 2, 2]), numberColumn("y", [1, 2, 4, 4, 5]),
      numberColumn("w", [10, 10, 10, 5, 5]),
    ])
    func variance(_ rule: LonelyPSU) throws -> Double? {
      let structure = try SampleStructure(
        table: table, spec: DesignSpec(weight: "w", psu: ["psu", "ssu"], fpc: ["N1", "N2"], lonelyPSU: rule))
      let estimator = try Estimator(table: table, design: Design(structure: structure, weights: [10, 10, 10, 5, 5]))
      let row = try estimator.estimate(.total, of: "y", domains: estimator.domains(by: [])).first
      return row?.se.map { $0 * $0 }
    }
    // b has one SSU of N2 = 2: f2 = 1/2. remove: 0; adjust: 0.5 · 45² times n1/N1 = 0.2.
    #expect(close(try variance(.remove), 510))
    #expect(close(try variance(.adjust), 510 + 0.2 * 0.5 * 45 * 45))
    // average at a later stage: nothing to average over, the variance is undefined (R: NaN).
    #expect(try variance(.average) == nil)
    #expect(throws: TabulateError.lonelyPSU(stage: 2, column: "ssu", stratum: "psu=b")) { try variance(.fail) }
  }
}
