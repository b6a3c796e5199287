import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyWeight

@Suite("Weight: raking")
struct RakingTests {
  /// h = A A A B B B, g = x y x y x y.
  let data = weightTable([codeColumn("g", ["x", "y", "x", "y", "x", "y"])])

  @Test("iterative proportional fitting: h then g, until a sweep changes nothing by epsilon")
  func handCalculation() throws {
    // Weights 1: cells A:x 2, A:y 1, B:x 1, B:y 2 (rows). Margins h: A 6, B 6; g: x 4, y 8.
    // Sweep 1, h: A × 2, B × 2 → A:x 4, A:y 2, B:x 2, B:y 4; g: x has 6 → × 4/6, y has 6 → × 8/6:
    // A:x 8/3, A:y 8/3, B:x 4/3, B:y 16/3. The joint table moved: another sweep.
    let file = try margins([("h", "A", 6), ("h", "B", 6), ("g", "x", 4), ("g", "y", 8)])
    let spec = RakeSpec(variables: ["h", "g"], margins: "margins.csv", epsilon: 1e-12, maxit: 100)
    let outcome = try Raking(spec: spec).apply([1, 1, 1, 1, 1, 1], table: data, margins: file)
    let w = outcome.weights
    // The fixed point: each margin met.
    #expect(abs(w[0] + w[1] + w[2] - 6) < 1e-9)
    #expect(abs(w[3] + w[4] + w[5] - 6) < 1e-9)
    #expect(abs(w[0] + w[2] + w[4] - 4) < 1e-9)
    #expect(abs(w[1] + w[3] + w[5] - 8) < 1e-9)
    // Rows of a cell share one factor.
    #expect(w[0] == w[2])
    #expect(w[3] == w[5])
    #expect(outcome.step.converged == true)
    #expect((outcome.step.iterations ?? 0) > 1)
    #expect((outcome.step.maxRelativeError ?? 1) < 1e-9)
    // The variance record: one margin per variable, the cells' factors after each margin.
    #expect(outcome.adjustment.margins.map(\.variable) == ["h", "g"])
  }

  @Test("a sweep that changes nothing ends the raking when the sample has the population's structure")
  func oneSweep() throws {
    // Every cell weighs 1 (rows 1 and 3 are both A:x, rows 4 and 6 both B:y: 0.5 each), and the
    // margins have the sample's structure: h A 4, B 4 gives × 2 everywhere, after which g (x 4,
    // y 4) is met.
    // Sweep 1 moves the table; sweep 2 changes nothing: converged after 2 sweeps.
    let file = try margins([("h", "A", 4), ("h", "B", 4), ("g", "x", 4), ("g", "y", 4)])
    let outcome = try Raking(spec: RakeSpec(variables: ["h", "g"], margins: "margins.csv")).apply(
      [0.5, 1, 0.5, 0.5, 1, 0.5], table: data, margins: file)
    #expect(outcome.step.converged == true)
    #expect(outcome.step.iterations == 2)
    #expect(outcome.weights == [1, 2, 1, 1, 2, 1])
  }

  @Test("failures: no convergence in maxit sweeps, margins of two sizes")
  func failures() throws {
    let file = try margins([("h", "A", 6), ("h", "B", 6), ("g", "x", 4), ("g", "y", 8)])
    let spec = RakeSpec(variables: ["h", "g"], margins: "margins.csv", epsilon: 1e-12, maxit: 1)
    #expect(throws: WeightError.self) { try Raking(spec: spec).apply([1, 1, 1, 1, 1, 1], table: data, margins: file) }
    do {
      _ = try Raking(spec: spec).apply([1, 1, 1, 1, 1, 1], table: data, margins: file)
    } catch let error as WeightError {
      guard case .rakingNotConverged(let sweeps, _, _, let worst) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(sweeps == 1)
      #expect(worst.hasPrefix("h = "))
      #expect(error.errorDescription?.hasPrefix("rake: did not converge in 1 sweeps: the joint table still changed by ") == true)
    }
    let unequal = try margins([("h", "A", 6), ("h", "B", 6), ("g", "x", 4), ("g", "y", 9)])
    #expect(throws: WeightError.marginsDisagree(variable: "g", total: 13, firstVariable: "h", firstTotal: 12, file: "margins.csv")) {
      try Raking(spec: RakeSpec(variables: ["h", "g"], margins: "margins.csv")).apply([1, 1, 1, 1, 1, 1], table: data, margins: unequal)
    }
    #expect(
      WeightError.marginsDisagree(variable: "g", total: 13, firstVariable: "h", firstTotal: 12, file: "margins.csv").errorDescription
        == "margins.csv: the totals of g add up to 13 but those of h to 12 (relative difference 0.0833333); margins of one population must agree to within 1e-06")
  }
}
