import Testing

@testable import SurveyTabulate

/// Reference values from R 4.2.2, printed with `sprintf("%.17g", ...)`.
@Suite("Tabulate: Student t and normal quantiles")
struct DistributionTests {
  /// `qt(p, df)`: (p, df, R's value).
  static let tQuantiles: [(Double, Double, Double)] = [
    (0.975, 1, 12.706204736174694),  // qt(0.975, 1)
    (0.995, 1, 63.656741162871526),  // qt(0.995, 1)
    (0.975, 2, 4.3026527297494619),  // qt(0.975, 2)
    (0.9995, 2, 31.599054576445365),  // qt(0.9995, 2)
    (0.975, 3, 3.1824463052837078),  // qt(0.975, 3)
    (0.9995, 3, 12.923978636687961),  // qt(0.9995, 3)
    (0.95, 4, 2.131846786326649),  // qt(0.95, 4)
    (0.975, 5, 2.5705818356363137),  // qt(0.975, 5)
    (0.6, 5, 0.26718086570414518),  // qt(0.6, 5)
    (0.975, 7, 2.3646242515927844),  // qt(0.975, 7)
    (0.975, 10, 2.2281388519862739),  // qt(0.975, 10)
    (0.995, 10, 3.16927267261695),  // qt(0.995, 10)
    (0.975, 14, 2.1447866879178039),  // qt(0.975, 14)
    (0.95, 26, 1.7056179197592729),  // qt(0.95, 26)
    (0.975, 96, 1.984984311522457),  // qt(0.975, 96)
    (0.975, 197, 1.972079033778501),  // qt(0.975, 197)
    (0.95, 197, 1.6526252192655044),  // qt(0.95, 197)
    (0.9995, 197, 3.3405966098481503),  // qt(0.9995, 197)
    (0.975, 1000, 1.9623390808264076),  // qt(0.975, 1000)
    (0.975, 1e5, 1.9599877075346088),  // qt(0.975, 1e5)
    (0.995, 1e5, 2.5758784699083743),  // qt(0.995, 1e5)
    (0.975, 1e6, 1.9599663568141066),  // qt(0.975, 1e6)
    (0.025, 10, -2.2281388519862744),  // qt(0.025, 10)
    (1e-10, 5, -156.82559270889428),  // qt(1e-10, 5)
    (0.975, 2.5, 3.5746548420036919),  // qt(0.975, 2.5)
  ]

  @Test("qt matches R to 1e-14 relative")
  func tQuantile() {
    for (p, df, expected) in Self.tQuantiles {
      let value = StudentT.quantile(p, degreesOfFreedom: df)
      #expect(abs(value - expected) <= 1e-14 * abs(expected), "qt(\(p), \(df)) = \(value), R \(expected)")
    }
  }

  @Test("pt matches R to 1e-14 relative")
  func tDistribution() {
    let values: [(Double, Double, Double)] = [
      (-3, 1, 0.10241638234956672),  // pt(-3, 1)
      (2, 3, 0.93033701572057836),  // pt(2, 3)
      (-3, 10, 0.006671827511284794),  // pt(-3, 10)
      (0.5, 50, 0.69036571624411436),  // pt(0.5, 50)
      (2, 1000, 0.97711482675337424),  // pt(2, 1000)
      (-3, 1000, 0.001383354522119095),  // pt(-3, 1000)
    ]
    for (t, df, expected) in values {
      let value = StudentT.cdf(t, degreesOfFreedom: df)
      #expect(abs(value - expected) <= 1e-14 * abs(expected), "pt(\(t), \(df)) = \(value), R \(expected)")
    }
  }

  @Test("qnorm matches R to 1e-15 relative")
  func normalQuantile() {
    let values: [(Double, Double)] = [
      (0.975, 1.9599639845400536),  // qnorm(0.975)
      (0.025, -1.9599639845400538),  // qnorm(0.025)
      (0.9, 1.2815515655446008),  // qnorm(0.9)
      (0.5 + 1e-10, 2.5066284820303544e-10),  // qnorm(0.5 + 1e-10)
      (1e-10, -6.3613409024040557),  // qnorm(1e-10)
      (1 - 1e-12, 7.0344869100478356),  // qnorm(1 - 1e-12)
      (1e-300, -37.047096299361201),  // qnorm(1e-300)
    ]
    for (p, expected) in values {
      let value = NormalDistribution.quantile(p)
      #expect(abs(value - expected) <= 1e-15 * abs(expected), "qnorm(\(p)) = \(value), R \(expected)")
    }
  }

  @Test("edge cases: p 0, ½ and 1, df 0, symmetry")
  func edges() {
    #expect(StudentT.quantile(0.5, degreesOfFreedom: 7) == 0)
    #expect(StudentT.quantile(1, degreesOfFreedom: 7) == .infinity)
    #expect(StudentT.quantile(0, degreesOfFreedom: 7) == -.infinity)
    #expect(StudentT.quantile(0.975, degreesOfFreedom: 0).isNaN)
    #expect(StudentT.quantile(1.5, degreesOfFreedom: 3).isNaN)
    #expect(StudentT.quantile(0.25, degreesOfFreedom: 12) == -StudentT.quantile(0.75, degreesOfFreedom: 12))
    #expect(NormalDistribution.quantile(0.5) == 0)
    #expect(abs(StudentT.cdf(StudentT.quantile(0.975, degreesOfFreedom: 33), degreesOfFreedom: 33) - 0.975) < 1e-15)
  }
}
