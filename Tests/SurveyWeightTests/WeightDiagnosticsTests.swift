import Testing

@testable import SurveyWeight

@Suite("Weight: diagnostics and weights.json")
struct WeightDiagnosticsTests {
  static let design = WeightStep(step: "design", method: "weight", columns: ["w"], after: WeightSummary([1, 2, 3, 6]))

  @Test("hand-computed diagnostics of 1, 2, 3, 6")
  func diagnostics() {
    // n = 4, Σw = 12, Σw² = 1 + 4 + 9 + 36 = 50, mean 3.
    // Population variance: ((−2)² + (−1)² + 0² + 3²)/4 = 14/4 = 3.5; CV = √3.5 / 3.
    // Kish deff = 4 · 50 / 144 = 25/18 = 1 + CV²; effective n = 144 / 50 = 2.88.
    let d = WeightDiagnostics(weights: [1, 2, 3, 6], steps: [Self.design])
    #expect(d.count == 4)
    #expect(d.sum == 12)
    #expect(d.min == 1)
    #expect(d.max == 6)
    #expect(d.mean == 3)
    #expect(abs(d.cv! - 3.5.squareRoot() / 3) < 1e-15)
    #expect(abs(d.kishDeff! - 25.0 / 18) < 1e-15)
    #expect(abs(d.kishDeff! - (1 + d.cv! * d.cv!)) < 1e-15)
    #expect(d.effectiveN == 2.88)
  }

  @Test("weights 0 (nonrespondents) are counted apart and left out of the statistics")
  func zeros() {
    let d = WeightDiagnostics(weights: [1, 0, 2, 3, 0, 6], steps: [])
    #expect(d.rows == 6)
    #expect(d.count == 4)
    #expect(d.zeros == 2)
    #expect(d.min == 1)
    #expect(d.effectiveN == 2.88)
  }

  @Test("very large and very small weights: the same diagnostics (to the bit when scaled by 2^k), no overflow")
  func extremeScales() {
    let plain = WeightDiagnostics(weights: [1, 2, 3, 6], steps: [])
    for scale in [0x1p600, 0x1p-600] {
      let d = WeightDiagnostics(weights: [1, 2, 3, 6].map { $0 * scale }, steps: [])
      #expect(d.kishDeff == plain.kishDeff, "\(scale)")
      #expect(d.effectiveN == plain.effectiveN, "\(scale)")
      #expect(d.cv == plain.cv, "\(scale)")
    }
    for scale in [1e200, 1e-200] {
      let d = WeightDiagnostics(weights: [1, 2, 3, 6].map { $0 * scale }, steps: [])
      #expect(abs(d.kishDeff! - 25.0 / 18) < 1e-14, "\(scale)")
      #expect(abs(d.effectiveN! - 2.88) < 1e-14, "\(scale)")
      #expect(abs(d.cv! - 3.5.squareRoot() / 3) < 1e-14, "\(scale)")
    }
  }

  @Test("equal weights: CV 0, deff 1, effective n = n")
  func equalWeights() {
    let d = WeightDiagnostics(weights: [5, 5, 5], steps: [])
    #expect(d.cv == 0)
    #expect(d.kishDeff == 1)
    #expect(d.effectiveN == 3)
  }

  @Test("weights.json text: fixed key order, round-trip numbers, null when undefined")
  func json() {
    var rake = WeightStep(step: "rake", method: "iterative-proportional-fitting", columns: ["sex"], after: WeightSummary([1, 2, 3, 6]))
    rake.margins = "margins.csv"
    rake.iterations = 3
    rake.converged = true
    rake.epsilon = 1
    rake.maxit = 10
    rake.targets = [MarginCheck(variable: "sex", level: "1", target: 4, achieved: 4.5)]
    let d = WeightDiagnostics(weights: [1, 2, 3, 6], steps: [Self.design, rake], finalTargets: rake.targets)
    #expect(
      d.json() == """
        {
          "steps": [
            {"step": "design", "method": "weight", "columns": ["w"], "after": {"count": 4, "zero_weights": 0, "sum": 12, "min": 1, "max": 6}},
            {"step": "rake", "method": "iterative-proportional-fitting", "columns": ["sex"], "margins": "margins.csv", "iterations": 3, "converged": true, "epsilon": 1, "maxit": 10, "max_relative_error": 0.125, "targets": [{"variable": "sex", "level": "1", "target": 4, "achieved": 4.5, "relative_error": 0.125}], "after": {"count": 4, "zero_weights": 0, "sum": 12, "min": 1, "max": 6}}
          ],
          "final_targets": [
            {"variable": "sex", "level": "1", "target": 4, "achieved": 4.5, "relative_error": 0.125}
          ],
          "rows": 4,
          "count": 4,
          "zero_weights": 0,
          "sum": 12,
          "min": 1,
          "max": 6,
          "mean": 3,
          "cv": \(3.5.squareRoot() / 3),
          "kish_deff": \(25.0 / 18),
          "effective_n": 2.88
        }

        """)
    let empty = WeightDiagnostics(weights: [], steps: [])
    #expect(
      empty.json() == """
        {
          "steps": [],
          "final_targets": [],
          "rows": 0,
          "count": 0,
          "zero_weights": 0,
          "sum": 0,
          "min": null,
          "max": null,
          "mean": null,
          "cv": null,
          "kish_deff": null,
          "effective_n": null
        }

        """)
  }
}
