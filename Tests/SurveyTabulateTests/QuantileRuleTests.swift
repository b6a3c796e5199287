import SurveyCore
import Testing

@testable import SurveyTabulate

@Suite("QuantileRule: R's qrule_* on a small weighted sample")
struct QuantileRuleTests {
  /// x = (3, 1, 2, 2) with weights (1, 2, 1, 1): sorted 1 (w 2), 2, 2, 3 (w 1 each), running
  /// weights 2, 3, 4, 5 of W = 5. By hand for math: at p = 0.4, p·W = 2 is exactly the first
  /// running weight, so the quantile is 1 (school: (1 + 2)/2); at p = 0.5 the last running weight
  /// at most 2.5 is 2 and p is above its share, so it is the next value, 2. hf7: positions
  /// (0, 2, 3, 4)/4 = (0, .5, .75, 1), so p = 0.25 interpolates halfway from 1 to 2: 1.5.
  /// Every value below is R 4.2.2's `survey:::qrule_RULE(x, w, p)`, printed with %.17g.
  static let sample = WeightedSample(values: [3, 1, 2, 2], weights: [1, 2, 1, 1])
  static let probabilities = [0.25, 0.4, 0.5, 0.6, 0.8]

  @Test(
    "each rule gives R's values",
    arguments: [
      (QuantileRule.math, [2, 1, 2, 2, 2]),
      (.school, [2, 1.5, 2, 2, 2.5]),
      (.hf3, [2, 2, 2, 2, 2]),
      (.hf4, [0.24999999999999978, 1, 1.5, 2, 2]),
      (.hf5, [1.1666666666666665, 1.6666666666666667, 2, 2, 2.5]),
      (.hf7, [1.5, 1.8, 2, 2, 2.2000000000000002]),
      (.shahvaish, [1, 1, 2, 2, 3]),
    ])
  func matchesR(rule: QuantileRule, expected: [Double]) throws {
    for (p, want) in zip(Self.probabilities, expected) {
      let got = try #require(rule.value(p, in: Self.sample))
      #expect(abs(got - want) <= 1e-15 * max(1, abs(want)), "\(rule) at \(p): \(got), R \(want)")
    }
  }

  @Test("ties keep row order, sums are R's; hf1 and hf2 are math and school; no value, no quantile")
  func basics() {
    #expect(Self.sample.x == [1, 2, 2, 3] && Self.sample.w == [2, 1, 1, 1] && Self.sample.cumulative == [2, 3, 4, 5])
    for p in Self.probabilities {
      #expect(QuantileRule.hf1.value(p, in: Self.sample) == QuantileRule.math.value(p, in: Self.sample))
      #expect(QuantileRule.hf2.value(p, in: Self.sample) == QuantileRule.school.value(p, in: Self.sample))
    }
    #expect(QuantileRule.math.value(0.5, in: WeightedSample(values: [], weights: [])) == nil)
    // One value: R's approx stops for the interpolating rules; the step rules give the value.
    let one = WeightedSample(values: [7], weights: [2])
    for rule in [QuantileRule.hf5, .hf6, .hf7, .hf8, .hf9] { #expect(rule.value(0.3, in: one) == nil, "\(rule)") }
    for rule in [QuantileRule.math, .school, .hf3, .shahvaish] { #expect(rule.value(0.3, in: one) == 7, "\(rule)") }
    // hf4 at p = 1: γ = 0/0, NaN in R; no value here.
    #expect(QuantileRule.hf4.value(1, in: Self.sample) == nil)
  }

  /// Shah and Vaish's positions (S + 0.5 − w/2)/(n + 1) with w = (1, 9, 1, 9), w̄ = 5: S = (0.2,
  /// 2, 2.2, 4), so the positions of x = 1, 2, 3, 4 are (0.04, −0.4, 0.44, 0). Sorted: −0.4 (2),
  /// 0 (4), 0.04 (1), 0.44 (3); the value at or below p is 1 at p = 0.1 and 0.3, 3 from 0.44 up.
  /// R 4.2.2: `survey:::qrule_shahvaish(1:4, c(1, 9, 1, 9), p)` at p = 0.1, 0.3, 0.5, 0.7, 0.9.
  @Test("Shah and Vaish with unequal weights: positions out of order are sorted, as R's approx does")
  func shahVaishUnequalWeights() {
    let sample = WeightedSample(values: [1, 2, 3, 4], weights: [1, 9, 1, 9])
    let got = [0.1, 0.3, 0.5, 0.7, 0.9].map { QuantileRule.shahvaish.value($0, in: sample) }
    #expect(got == [1, 1, 3, 3, 3])
  }

  @Test("requests V@P1,P2 parse; malformed ones do not")
  func requests() {
    #expect(QuantileRequest("oop_cost")?.probabilities == [0.5])
    #expect(QuantileRequest("oop_cost@0.25, 0.75") == QuantileRequest("oop_cost@0.25,0.75"))
    #expect(QuantileRequest("oop_cost@0.25, 0.75")?.probabilities == [0.25, 0.75])
    for bad in ["", "@0.5", "v@", "v@2", "v@-1", "v@x", "v@0.5,,1"] { #expect(QuantileRequest(bad) == nil, "\(bad)") }
  }
}
