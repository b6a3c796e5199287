import SurveyCore
import SurveyDesign
import Testing
import _SurveyTestSupport

@testable import SurveyTabulate

/// Post-stratification's effect on the variance, by hand; R 4.2.2 with survey 4.1-1 gives the
/// same: `postStratify(svydesign(ids=~1, weights=~w, data=d), ~ps, data.frame(ps=c("A","B"),
/// Freq=c(10, 30)))` with `svytotal(~y)` variance 166.66666666666666 and `svymean(~y)` variance
/// 0.10416666666666666.
@Suite("Tabulate: influence values centred by a post-stratification")
struct ResidualizerTests {
  /// Four rows, each its own PSU; post-strata A (rows 1, 2) and B (rows 3, 4) of 10 and 30 from
  /// weights 1: the weights become 5, 5, 15, 15; y = 1, 2, 3, 4.
  func estimator() throws -> Estimator {
    let table = testTable([codeColumn("ps", ["A", "A", "B", "B"]), numberColumn("y", [1, 2, 3, 4])])
    let structure = try SampleStructure(table: table, spec: DesignSpec())
    let adjustment = PostStratumAdjustment(
      variable: "ps", cell: [0, 0, 1, 1], cellCount: 2, weightsBefore: [1, 1, 1, 1], reweight: [5, 15])
    let design = Design(structure: structure, weights: [5, 5, 15, 15], adjustments: [.postStratification(adjustment)])
    return try Estimator(table: table, design: design)
  }

  @Test("total: x = w y centred within post-strata, x − w · mean(x / w)")
  func total() throws {
    let estimator = try estimator()
    let row = try #require(try estimator.estimate(.total, of: "y", domains: estimator.domains(by: [])).first)
    // x = 5, 10, 45, 60. A: mean of x·w_before/w_after over Σ w_before = (1 + 2)/2 = 1.5, so
    // r = 5 − 7.5, 10 − 7.5 = ∓2.5; B: (3 + 4)/2 = 3.5, r = 45 − 52.5, 60 − 52.5 = ∓7.5.
    // V = 4/3 · (2 · 2.5² + 2 · 7.5²) = 4/3 · 125.
    #expect(row.estimate == 120)
    #expect(close(row.se, (500.0 / 3).squareRoot()))
  }

  @Test("mean: x = (y − ȳ) w / W, then centred the same way")
  func mean() throws {
    let estimator = try estimator()
    let row = try #require(try estimator.estimate(.mean, of: "y", domains: estimator.domains(by: [])).first)
    // ȳ = 120/40 = 3; x = −0.25, −0.125, 0, 0.375; r = ∓0.0625 (A), ∓0.1875 (B);
    // V = 4/3 · (2 · 0.0625² + 2 · 0.1875²) = 0.104166….
    #expect(row.estimate == 3)
    #expect(close(row.se, 0.10416666666666666.squareRoot()))
  }
}
