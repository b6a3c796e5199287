import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyWeight

@Suite("Weight: calibration")
struct CalibrationTests {
  /// h = A A A B B B, x = 1 2 3 1 2 3, g = x y x y x y.
  let data = weightTable([numberColumn("x", [1, 2, 3, 1, 2, 3]), codeColumn("g", ["x", "y", "x", "y", "x", "y"])])

  @Test("linear (GREG) by hand: g = 1 + λ₀ + λ₁x with (Σ w z z') λ = totals − Σ w z")
  func linearByHand() throws {
    // Rows 1–3 only (weight 0 elsewhere), w = 1: Σ w = 3, Σ w x = 6; targets N = 6, X = 14.
    // M = [[3, 6], [6, 14]], λ = M⁻¹ (3, 8) = (−1, 1), so g = x: weights 1, 2, 3 (Σ = 6, Σ x = 14).
    let file = try margins([("(Intercept)", "", 6), ("x", "", 14)])
    let spec = CalibrateSpec(method: .linear, variables: ["x"], margins: "margins.csv")
    let outcome = try Calibration(spec: spec).apply([1, 1, 1, 0, 0, 0], table: data, margins: file)
    #expect(allClose(outcome.weights, [1, 2, 3, 0, 0, 0]))
    #expect(allClose(outcome.adjustment.g, [1, 2, 3, 1, 1, 1]))
    #expect(outcome.step.iterations == 1)
    #expect(outcome.step.targets.map(\.variable) == ["(Intercept)", "x"])
    #expect((outcome.step.maxRelativeError ?? 1) < 1e-12)
  }

  @Test("one categorical variable: the same weights as post-stratification")
  func categorical() throws {
    let file = try margins([("h", "A", 16), ("h", "B", 9)])
    for method in [CalibrationMethod.linear, .raking] {
      let spec = CalibrateSpec(method: method, variables: ["h"], margins: "margins.csv")
      let outcome = try Calibration(spec: spec).apply([2, 2, 4, 1.5, 1.5, 1.5], table: data, margins: file)
      #expect(allClose(outcome.weights, [4, 4, 8, 3, 3, 3], tolerance: 1e-9), "\(method)")
      #expect(outcome.step.targets.map(\.level) == ["A", "B"])
    }
  }

  @Test("raking and logit meet the totals; logit keeps g within its bounds")
  func nonlinear() throws {
    let file = try margins([("h", "A", 6), ("h", "B", 6), ("g", "x", 7), ("g", "y", 5)])
    for (method, lower, upper) in [(CalibrationMethod.raking, -Double.infinity, Double.infinity), (.logit, 0.5, 3)] {
      let spec = CalibrateSpec(method: method, variables: ["h", "g"], margins: "margins.csv", lower: lower, upper: upper)
      let outcome = try Calibration(spec: spec).apply([1, 1, 1, 1, 1, 1], table: data, margins: file)
      let w = outcome.weights
      #expect(abs(w[0] + w[1] + w[2] - 6) < 1e-5, "\(method)")
      #expect(abs(w[0] + w[2] + w[4] - 7) < 1e-5, "\(method)")
      #expect(w.allSatisfy { $0 >= lower - 1e-12 && $0 <= upper + 1e-12 }, "\(method)")
      #expect(outcome.step.converged == true)
    }
  }

  @Test("failures: infeasible or invalid bounds, collinear variables, unknown population size")
  func failures() throws {
    let file = try margins([("h", "A", 6), ("h", "B", 6), ("g", "x", 11), ("g", "y", 1)])
    // g must reach 11/3 on x rows but may not exceed 1.5.
    let bounded = CalibrateSpec(method: .logit, variables: ["h", "g"], margins: "margins.csv", lower: 0.5, upper: 1.5)
    do {
      _ = try Calibration(spec: bounded).apply([1, 1, 1, 1, 1, 1], table: data, margins: file)
      Issue.record("infeasible bounds were met")
    } catch let error as WeightError {
      guard case .calibrationFailed(let method, _, _, _, let bounds) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(method == "logit")
      #expect(bounds == ", bounds 0.5 to 1.5")
      #expect(error.errorDescription?.contains("the bounds may be infeasible (R: 'Calibration failed')") == true)
    }
    #expect(throws: WeightError.invalidBounds(method: "logit", lower: 1.2, upper: 2)) {
      try Calibration(spec: CalibrateSpec(method: .logit, variables: ["h"], margins: "m", lower: 1.2, upper: 2))
        .apply([1, 1, 1, 1, 1, 1], table: data, margins: file)
    }
    #expect(
      WeightError.invalidBounds(method: "logit", lower: 1.2, upper: 2).errorDescription
        == "calibrate (logit): the bounds 1.2, 2 must satisfy lower < 1 < upper and be finite")
    // h and a copy of h: collinear.
    let twice = weightTable([codeColumn("k", ["a", "a", "a", "b", "b", "b"])])
    let copies = try margins([("h", "A", 6), ("h", "B", 6), ("k", "a", 6), ("k", "b", 6)])
    #expect(throws: WeightError.collinear(variables: ["h", "k"])) {
      try Calibration(spec: CalibrateSpec(method: .linear, variables: ["h", "k"], margins: "margins.csv"))
        .apply([1, 1, 1, 1, 1, 1], table: twice, margins: copies)
    }
    #expect(throws: WeightError.noPopulationSize(file: "margins.csv")) {
      try Calibration(spec: CalibrateSpec(method: .linear, variables: ["x"], margins: "margins.csv"))
        .apply([1, 1, 1, 1, 1, 1], table: data, margins: try margins([("x", "", 14)]))
    }
    #expect(throws: WeightError.numericMarginLevels(variable: "x", file: "margins.csv", line: 2)) {
      try Calibration(spec: CalibrateSpec(method: .linear, variables: ["x"], margins: "margins.csv"))
        .apply([1, 1, 1, 1, 1, 1], table: data, margins: try margins([("x", "", 14), ("x", "1", 3)]))
    }
    #expect(throws: WeightError.notNumeric(column: "g", step: "calibrate")) {
      try Calibration(spec: CalibrateSpec(method: .linear, variables: ["h", "g"], margins: "margins.csv"))
        .apply([1, 1, 1, 1, 1, 1], table: data, margins: try margins([("h", "A", 6), ("h", "B", 6), ("g", "", 4)]))
    }
  }
}
