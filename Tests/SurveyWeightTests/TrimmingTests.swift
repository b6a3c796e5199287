import SurveyCore
import Testing

@testable import SurveyWeight

@Suite("Weight: trimming")
struct TrimmingTests {
  @Test("trimmings shared equally by the other weights, once (R's trimWeights)")
  func once() throws {
    // 9 → 4 frees 5, shared by the three others: 1 + 5/3 each.
    let outcome = try Trimming(spec: TrimSpec(upper: 4)).apply([1, 1, 1, 9])
    let share: Double = 1 + 5.0 / 3
    #expect(allClose(outcome.weights, [share, share, share, 4]))
    #expect(outcome.step.trimmed == 1)
    #expect(outcome.step.rounds == 1)
    #expect(outcome.step.upper == 4)
    // Not strict: the shares may push a weight past the bound. 10 → 6 frees 4: 1 + 2, 5 + 2.
    #expect(try Trimming(spec: TrimSpec(upper: 6)).apply([1, 5, 10]).weights == [3, 7, 6])
  }

  @Test("strict: again until every weight is within the bounds; the sum is kept")
  func strict() throws {
    // Round 1 gives 3, 7, 6; round 2 trims 7 to 6 and shares 1 between 3 and 6 (6 is not
    // outside), and so on: the limit is 4, 6, 6.
    let outcome = try Trimming(spec: TrimSpec(upper: 6, strict: true)).apply([1, 5, 10])
    #expect(allClose(outcome.weights, [4, 6, 6], tolerance: 1e-9))
    #expect(abs(outcome.weights.reduce(0, +) - 16) < 1e-12)
    #expect(outcome.step.trimmed == 2)
    #expect((outcome.step.rounds ?? 0) > 2)
  }

  @Test("bounds relative to the median; weights 0 are left alone")
  func relative() throws {
    // Median of 1, 2, 3, 4, 100 is 3: upper 2 × 3 = 6. 100 → 6 frees 94, 23.5 to each other.
    let outcome = try Trimming(spec: TrimSpec(upper: 2, relativeTo: .median)).apply([1, 2, 0, 3, 4, 100])
    #expect(outcome.weights == [24.5, 25.5, 0, 26.5, 27.5, 6])
    #expect(Trimming.reference(.median, [4, 1, 3, 2]) == 2.5)
    #expect(Trimming.reference(.mean, [4, 1, 3, 2]) == 2.5)
  }

  @Test("failures: strict bounds the weights cannot meet, every weight outside")
  func failures() {
    #expect(
      throws: WeightError.trimInfeasible(
        reason: "3 weights adding up to 16 cannot all lie within -Inf and 5; strict trimming would never end")
    ) {
      try Trimming(spec: TrimSpec(upper: 5, strict: true)).apply([1, 5, 10])
    }
    #expect(throws: WeightError.trimInfeasible(reason: "every weight is outside the bounds 2 and 3")) {
      try Trimming(spec: TrimSpec(lower: 2, upper: 3)).apply([1, 5, 10])
    }
  }
}
