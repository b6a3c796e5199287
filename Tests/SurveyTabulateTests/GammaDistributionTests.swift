import Testing

@testable import SurveyTabulate

@Suite("GammaDistribution: the chi-squared upper tail as R's pchisq")
struct GammaDistributionTests {
  /// Expected values from R 4.2.2: `sprintf("%.17g", pchisq(x, df, lower.tail = FALSE))`.
  @Test(
    "upper tails agree with R to 1e-12",
    arguments: [
      (3.84, 1.0, 0.050043521248705224), (50.0, 10.0, 2.6690834249044957e-07), (0.5, 7.0, 0.99944648139042513),
      (1e-3, 2.5, 0.99993402782908103),
    ])
  func upperTail(x: Double, df: Double, expected: Double) {
    let p = GammaDistribution.chiSquaredUpperTail(x, degreesOfFreedom: df)
    #expect(abs(p - expected) <= 1e-12 * expected, "pchisq(\(x), \(df)) = \(p), R \(expected)")
  }

  @Test("edges: 0 gives 1, infinity 0, no degrees of freedom NaN")
  func edges() {
    #expect(GammaDistribution.chiSquaredUpperTail(0, degreesOfFreedom: 3) == 1)
    #expect(GammaDistribution.chiSquaredUpperTail(.infinity, degreesOfFreedom: 3) == 0)
    #expect(GammaDistribution.chiSquaredUpperTail(1, degreesOfFreedom: 0).isNaN)
  }
}
