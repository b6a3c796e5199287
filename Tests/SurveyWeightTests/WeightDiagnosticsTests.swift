import Testing

@testable import SurveyWeight

@Suite("Weight: diagnostics and weights.json")
struct WeightDiagnosticsTests {
  @Test("hand-computed diagnostics of 1, 2, 3, 6")
  func diagnostics() {
    // n = 4, Σw = 12, Σw² = 1 + 4 + 9 + 36 = 50, mean 3.
    // Population variance: ((−2)² + (−1)² + 0² + 3²)/4 = 14/4 = 3.5; CV = √3.5 / 3.
    // Kish deff = 4 · 50 / 144 = 25/18 = 1 + CV²; effective n = 144 / 50 = 2.88.
    let d = WeightDiagnostics(weights: [1, 2, 3, 6], steps: [WeightStep(step: "design", rule: "weight", column: "w")])
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

  @Test("equal weights: CV 0, deff 1, effective n = n")
  func equalWeights() {
    let d = WeightDiagnostics(weights: [5, 5, 5], steps: [])
    #expect(d.cv == 0)
    #expect(d.kishDeff == 1)
    #expect(d.effectiveN == 3)
  }

  @Test("weights.json text: fixed key order, round-trip numbers, null when undefined")
  func json() {
    let d = WeightDiagnostics(weights: [1, 2, 3, 6], steps: [WeightStep(step: "design", rule: "fpc-count", column: "fpc")])
    #expect(
      d.json() == """
        {
          "steps": [
            {"step": "design", "rule": "fpc-count", "column": "fpc"}
          ],
          "count": 4,
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
          "count": 0,
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

  @Test("design weights carry their step")
  func step() {
    let weights = DesignWeights(values: [2, 2], rule: .probability(column: "p"))
    #expect(weights.diagnostics.steps == [WeightStep(step: "design", rule: "probability", column: "p")])
    #expect(weights.diagnostics.sum == 4)
  }
}
