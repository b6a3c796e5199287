import SurveyCore
import SurveyDesign
import Testing
import _SurveyTestSupport

@testable import SurveyTabulate

/// Sums that go beyond the largest double: each is an error naming the variable, the statistic
/// and what overflowed, never a blank estimate.
@Suite("Tabulate: overflow is an error, not a blank cell")
struct EstimatorOverflowTests {
  /// One row per PSU, no strata, weights `w`, numeric `y` and a two-level `g`.
  func estimator(y: [Double], w: [Double]) throws -> Estimator {
    let n = y.count
    let table = testTable(
      [
        codeColumn("psu", (0..<n).map { "p\($0)" }), numberColumn("w", w), numberColumn("y", y),
        codeColumn("g", (0..<n).map { $0 % 2 == 0 ? "a" : "b" }), textColumn("id", (0..<n).map { "R\($0)" }),
      ], id: "id")
    return try SurveyTabulateTests.estimator(table, spec: DesignSpec(weight: "w", psu: ["psu"]), weights: w)
  }

  func overflow(
    _ statistic: Statistic, of variable: String, _ estimator: Estimator, deff: Bool = false
  ) throws -> TabulateError? {
    do {
      _ = try estimator.estimate(
        statistic, of: variable, domains: estimator.domains(by: []), options: EstimateOptions(deff: deff))
      return nil
    } catch let error as TabulateError {
      return error
    }
  }

  @Test("a total whose Σ weight × value overflows")
  func weightedSum() throws {
    let estimator = try estimator(y: [1e306, 2e306, 3e306], w: [1000, 1000, 1000])
    #expect(try overflow(.total, of: "y", estimator) == .overflow(column: "y", statistic: .total, quantity: .weightedSum))
    #expect(try overflow(.mean, of: "y", estimator) == .overflow(column: "y", statistic: .mean, quantity: .weightedSum))
  }

  @Test("a total that is finite but whose variance overflows")
  func variance() throws {
    let estimator = try estimator(y: [1e300, 2e300, 3e300], w: [1000, 1000, 1000])
    #expect(try overflow(.total, of: "y", estimator) == .overflow(column: "y", statistic: .total, quantity: .variance))
    let spread = try self.estimator(y: [1e200, -1e200, 3e200], w: [1, 1, 1])
    #expect(try overflow(.mean, of: "y", spread) == .overflow(column: "y", statistic: .mean, quantity: .variance))
  }

  @Test("weights whose sum overflows, for a proportion")
  func weightSum() throws {
    let estimator = try estimator(y: [1, 2, 3, 4], w: [1e308, 1e308, 1e308, 1e308])
    #expect(
      try overflow(.proportion, of: "g", estimator) == .overflow(column: "g", statistic: .proportion, quantity: .weightSum))
  }

  @Test("a design effect whose Σ w (y − ȳ)² overflows while the variance does not")
  func designEffect() throws {
    let estimator = try estimator(y: [1e150, -1e150, 2e150, -2e150], w: [1e10, 1e10, 1e10, 1e10])
    #expect(try overflow(.mean, of: "y", estimator) == nil)
    #expect(
      try overflow(.mean, of: "y", estimator, deff: true)
        == .overflow(column: "y", statistic: .mean, quantity: .designEffect))
  }

  @Test("large but finite sums still give every number")
  func largeButFinite() throws {
    let estimator = try estimator(y: [1e100, 2e100, 3e100], w: [1000, 1000, 1000])
    let row = try #require(try estimator.estimate(.total, of: "y", domains: estimator.domains(by: [])).first)
    #expect(close(row.estimate, 6e103))
    #expect(row.se != nil && row.ciLow != nil && row.ciHigh != nil)
  }

  @Test("the message names the statistic and the variable, and says what to do")
  func message() {
    let error = TabulateError.overflow(column: "income", statistic: .total, quantity: .weightedSum)
    #expect(
      error.localizedDescription
        == "the total of 'income' cannot be computed: its sum of weight × value goes beyond ±1.8e308, the largest number a double holds; rescale 'income' (to thousands or millions) or check its values and the weights"
    )
  }
}
