import SurveyCore
import SurveyDesign
import Testing
import _SurveyTestSupport

@testable import SurveyWeight

@Suite("Weight: the whole stage")
struct WeightingTests {
  /// h = A A A B B B (strata), psu, w = 2 2 4 1.5 1.5 1.5, r = 1 0 1 1 1 0, g = x y x y x y.
  let data = weightTable([
    numberColumn("w", [2, 2, 4, 1.5, 1.5, 1.5]), codeColumn("r", ["1", "0", "1", "1", "1", "0"]),
    codeColumn("g", ["x", "y", "x", "y", "x", "y"]),
  ])

  @Test("steps in order: design, nonresponse, post-stratification, trimming; the design keeps every row")
  func steps() throws {
    let weighting = WeightingSpec(
      nonresponse: NonresponseSpec(response: "r", classes: ["h"], minRespondents: 0),
      postStratify: PostStratifySpec(variable: "g", margins: "m.csv"), trim: TrimSpec(upper: 100))
    let file = try margins([("g", "x", 20), ("g", "y", 10)], file: "m.csv")
    let result = try Weighting.run(
      table: data, spec: DesignSpec(weight: "w", strata: "h", psu: ["psu"]), weighting: weighting, margins: ["m.csv": file])
    #expect(result.diagnostics.steps.map(\.step) == ["design", "nonresponse", "poststratify", "trim"])
    // Nonresponse: 8/3, 0, 16/3 | 2.25, 2.25, 0. Post-strata g: x rows 1, 3, 5 (8/3 + 16/3 + 2.25
    // = 10.25 → 20), y rows 2, 4, 6 (2.25 → 10); rows 2 and 6 stay 0.
    let x: Double = 20 / 10.25
    let expected: [Double] = [8.0 / 3 * x, 0, 16.0 / 3 * x, 10, 2.25 * x, 0]
    #expect(allClose(result.weights, expected))
    #expect(result.design.structure.rowCount == 6)
    #expect(result.design.adjustments.count == 1)
    #expect(result.diagnostics.zeros == 2)
    #expect(result.diagnostics.finalTargets.map(\.level) == ["x", "y"])
    #expect(allClose(result.diagnostics.finalTargets.map(\.achieved), [20, 10]))
    #expect(result.findings.isEmpty)
  }

  @Test("unbounded linear calibration may give negative weights: a warning, as R allows them")
  func negativeWeights() throws {
    // x = 1, 2, 3 on the first rows; targets N = 3, X = 12 force g = 1 + λ₀ + λ₁x below 0 at x = 1.
    let table = weightTable([numberColumn("x", [1, 2, 3, 1, 2, 3])])
    let file = try margins([("(Intercept)", "", 3), ("x", "", 12)])
    let result = try Weighting.run(
      table: table, spec: DesignSpec(weight: "x"),
      weighting: WeightingSpec(calibrate: CalibrateSpec(method: .linear, variables: ["x"], margins: "m")),
      margins: ["m": file])
    #expect(result.weights.contains { $0 < 0 })
    #expect(result.findings.map(\.rule) == [.negativeWeight])
  }
}
