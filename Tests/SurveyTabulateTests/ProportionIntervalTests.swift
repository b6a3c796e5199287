import Foundation
import SurveyCore
import Testing

@testable import SurveyTabulate

@Suite("ProportionInterval: svyciprop's intervals from p, SE and df")
struct ProportionIntervalTests {
  /// p = 0.25, SE = 0.05, t = 2 (R's values for real designs are in ciprop.json).
  static let p = 0.25
  static let se = 0.05
  static let t = 2.0

  func interval(_ method: IntervalMethod, p: Double = p, se: Double = se) -> (low: Double, high: Double)? {
    ProportionInterval.interval(method, p: p, se: se, t: Self.t, level: 0.95, df: 14, rows: 183)
  }

  @Test("wald and mean: p ± t·SE = 0.25 ± 0.1")
  func wald() throws {
    for method in [IntervalMethod.wald, .mean] {
      let (low, high) = try #require(interval(method))
      #expect(abs(low - 0.15) < 1e-15 && abs(high - 0.35) < 1e-15)
    }
  }

  @Test("logit and xlogit: expit(log(1/3) ± 2 × 0.05 / 0.1875), inside [0, 1] where Wald leaves it")
  func logit() throws {
    // logit(0.25) = log(1/3) = -1.0986122886681098; the SE on that scale is 0.05 / (0.25 × 0.75) =
    // 0.26666…, so the bounds are expit(-1.0986… ∓ 0.53333…).
    let low = 1 / (1 + exp(1.0986122886681098 + 0.5333333333333333))
    let high = 1 / (1 + exp(1.0986122886681098 - 0.5333333333333333))
    for method in [IntervalMethod.logit, .xlogit] {
      let bounds = try #require(interval(method))
      #expect(abs(bounds.low - low) < 1e-15 && abs(bounds.high - high) < 1e-15)
    }
    // A small proportion with a large SE: Wald goes below 0, logit does not.
    let wald = try #require(interval(.wald, p: 0.02, se: 0.03))
    let logit = try #require(interval(.logit, p: 0.02, se: 0.03))
    #expect(wald.low < 0)
    #expect(logit.low > 0 && logit.high < 1)
  }

  @Test("asin: sin²(asin(√p) ± t·SE / (2√(p(1 − p))))")
  func asin() throws {
    // asin(0.5) = π/6; the SE on that scale is 0.05 / (2 × √0.1875) = 0.0577350…
    let spread = 2 * 0.05 / (2 * 0.1875.squareRoot())
    let bounds = try #require(interval(.asin))
    #expect(abs(bounds.low - pow(sin(Double.pi / 6 - spread), 2)) < 1e-15)
    #expect(abs(bounds.high - pow(sin(Double.pi / 6 + spread), 2)) < 1e-15)
  }

  @Test("a proportion of 0 or 1 has no transformed or beta interval (R's NaN); Wald keeps p ± 0")
  func degenerate() {
    for method in [IntervalMethod.logit, .xlogit, .asin, .beta] {
      #expect(interval(method, p: 0, se: 0) == nil)
      #expect(interval(method, p: 1, se: 0) == nil)
    }
    #expect(interval(.wald, p: 0, se: 0).map { [$0.low, $0.high] } == [0, 0])
  }
}
