import Testing

@testable import SurveyTabulate

@Suite("BetaDistribution: quantiles as R's qbeta")
struct BetaDistributionTests {
  /// Expected values from R 4.2.2: `sprintf("%.17g", qbeta(p, a, b))`.
  @Test(
    "quantiles agree with R to 1e-12",
    arguments: [
      (0.025, 2.5, 7.0, 0.052422577666034996), (0.975, 2.5, 7.0, 0.56679302118680297),
      (0.5, 0.5, 0.5, 0.49999999999999989), (1e-6, 30.0, 2.0, 0.57831111311456618),
      (0.999999, 30.0, 2.0, 0.99995360530870803), (0.3, 0.05, 5.0, 4.4945837252436921e-12),
    ])
  func quantile(p: Double, a: Double, b: Double, expected: Double) {
    let x = BetaDistribution.quantile(p, a: a, b: b)
    #expect(abs(x - expected) <= 1e-12 * expected, "qbeta(\(p), \(a), \(b)) = \(x), R \(expected)")
  }

  @Test("the quantile inverts the distribution function; edges and bad shapes")
  func edges() {
    for p in [0.001, 0.2, 0.5, 0.8, 0.999] {
      let x = BetaDistribution.quantile(p, a: 3, b: 4)
      #expect(abs(BetaDistribution.cdf(x, a: 3, b: 4) - p) <= 1e-13)
    }
    #expect(BetaDistribution.quantile(0, a: 2, b: 3) == 0)
    #expect(BetaDistribution.quantile(1, a: 2, b: 3) == 1)
    #expect(BetaDistribution.quantile(0.5, a: 0, b: 3).isNaN)
    #expect(BetaDistribution.quantile(0.5, a: 2, b: .infinity).isNaN)
    #expect(BetaDistribution.quantile(1.5, a: 2, b: 3).isNaN)
  }
}
