import SurveyCore
import SurveyDesign
import Testing
import _SurveyTestSupport

@testable import SurveyTabulate

/// Estimates of the tiny design (see `tinyTable`), worked by hand; R 4.2.2 with survey 4.1-1
/// gives the same numbers:
/// `svydesign(id=~psu, strata=~h, fpc=~N, weights=~w, data=d)`.
@Suite("Tabulate: linearization variance by hand")
struct LinearizationTests {
  func design(
    lonely: Bool = false, lonelyY: Double? = 10, lonelyN: Double = 8, rule: LonelyPSU = .fail, fpc: [String] = ["N"]
  ) throws -> Estimator {
    try tinyDesign(lonely: lonely, lonelyY: lonelyY, lonelyN: lonelyN, rule: rule, fpc: fpc).estimator()
  }

  @Test("the design: strata, nested PSUs, n_h and f_h")
  func resolvedDesign() throws {
    let stage = try design().design.structure.first
    #expect(stage.strataLabels == ["A", "B"])
    #expect(stage.unitCount == 5)
    #expect(stage.sampledUnits(inStratum: 0) == 2)
    #expect(stage.sampledUnits(inStratum: 1) == 3)
    // f_A = (4 − 2)/4, f_B = (6 − 3)/6.
    #expect(stage.finiteCorrection == [0.5, 0.5])
    #expect(stage.units.unit == [0, 0, 1, 2, 3, 4])
  }

  @Test("total: PSU totals, centred within strata, f_h n_h/(n_h − 1)")
  func total() throws {
    let design = try design()
    let rows = try design.estimate(.total, of: "y", domains: design.domains(by: []), options: EstimateOptions(deff: true))
    // Σ w y = 2 + 4 + 12 + 3 + 9 + 15 = 45. PSU totals t: a1 6, a2 12 | b1 3, b2 9, b3 15.
    // A: t̄ 9, Σ(t − t̄)² = 18, v = 0.5 · 2/1 · 18 = 18.  B: t̄ 9, Σ = 72, v = 0.5 · 3/2 · 72 = 54.
    // V = 72; df = 5 PSUs − 2 strata = 3; CI = 45 ∓ qt(0.975, 3) √72.
    let row = try #require(rows.first)
    #expect(rows.count == 1)
    #expect(row.estimate == 45)
    #expect(close(row.se, 72.0.squareRoot()))
    #expect(row.df == 3)
    #expect(row.n == 6)
    #expect(close(row.ciLow, 45 - 3.1824463052837078 * 72.0.squareRoot()))
    #expect(close(row.ciHigh, 45 + 3.1824463052837078 * 72.0.squareRoot()))
    // deff: n = 6, W = 13, Σ w (y − ȳ)² = 197 − 45²/13 = 536/13, s² = 536/13/13 · 6/5;
    // V_srs = s² W² (W − n)/(W n); R: 1.2473347547974412.
    #expect(close(row.deff, 1.2473347547974412))
  }

  @Test("mean: PSU totals of (y − ȳ) w / W")
  func mean() throws {
    let design = try design()
    let row = try #require(try design.estimate(.mean, of: "y", domains: design.domains(by: [])).first)
    // ȳ = 45/13. t_c = (Σ w y − ȳ Σ w)/13: a1 −12/169, a2 66/169 | b1 −96/169, b2 −18/169, b3 60/169.
    // A: Σ(t − t̄)² = 2 · 39²/169², v = 0.5 · 2 · that = 3042/28561.
    // B: deviations −78, 0, 78 (/169): v = 0.5 · 3/2 · 2 · 78²/169² = 9126/28561.  V = 12168/28561.
    #expect(close(row.estimate, 45.0 / 13))
    #expect(close(row.se, (12168.0 / 28561).squareRoot()))
    #expect(row.deff == nil)
  }

  @Test("a domain pads the PSUs it misses with zeros")
  func domainPadding() throws {
    let design = try design()
    let rows = try design.estimate(.total, of: "y", domains: design.domains(by: ["g"]))
    // Domain x: rows 0, 2, 4. Σ w y = 2 + 12 + 9 = 23. PSU totals: a1 2, a2 12 | b1 0, b2 9, b3 0.
    // A: t̄ 7, Σ = 50, v = 50.  B: t̄ 3, Σ = 9 + 36 + 9 = 54, v = 0.5 · 1.5 · 54 = 40.5.  V = 90.5.
    // df: PSUs a1, a2, b2 − strata A, B = 1.
    #expect(rows.map(\.by) == [[DomainLevel(variable: "g", level: "x")], [DomainLevel(variable: "g", level: "y")]])
    #expect(rows[0].estimate == 23)
    #expect(close(rows[0].se, 90.5.squareRoot()))
    #expect(rows[0].df == 1)
    #expect(rows[0].n == 3)
    // Domain y, from R's svyby: se 10.124228365658293.
    #expect(rows[1].estimate == 22)
    #expect(close(rows[1].se, 10.124228365658293))
  }

  @Test("no fpc: with-replacement variance (f = 1)")
  func noFPC() throws {
    let design = try design(fpc: [])
    let row = try #require(try design.estimate(.total, of: "y", domains: design.domains(by: [])).first)
    // Twice the variance with f = 0.5: 36 + 108 = 144.
    #expect(close(row.se, 12))
  }

  @Test("lonely PSUs: remove, certainty, adjust and average as R computes them")
  func lonelyOptions() throws {
    // Stratum C has one PSU c1 (w 4, y 10, f = 7/8). Total: Σ w y = 85; A and B give 72 as before.
    func variance(_ rule: LonelyPSU, _ statistic: Statistic) throws -> Double {
      let design = try design(lonely: true, rule: rule)
      let row = try #require(try design.estimate(statistic, of: "y", domains: design.domains(by: [])).first)
      let se = try #require(row.se)
      return se * se
    }
    #expect(close(try variance(.remove, .total), 72))
    #expect(close(try variance(.certainty, .total), 72))
    // adjust: + f t² with t the PSU total compared with 0: 0.875 · 40² = 1400.
    #expect(close(try variance(.adjust, .total), 1472))
    // average: C is left out and the rest scaled by 3 strata / 2 kept.
    #expect(close(try variance(.average, .total), 108))
    // Mean: ȳ = 85/17 = 5; t: a1 −4/17, a2 2/17 | b1 −12/17, b2 −6/17, b3 0 | c1 20/17.
    // A + B = 72/289; adjust adds 0.875 · (20/17)² = 350/289.
    #expect(close(try variance(.remove, .mean), 72.0 / 289))
    #expect(close(try variance(.adjust, .mean), 422.0 / 289))
    #expect(close(try variance(.average, .mean), 108.0 / 289))
  }

  @Test("fail throws only when the lonely stratum has rows in the estimate")
  func lonelyFail() throws {
    let design = try design(lonely: true, rule: .fail)
    #expect(throws: TabulateError.lonelyPSU(stage: 1, column: "h", stratum: "C")) {
      try design.estimate(.mean, of: "y", domains: design.domains(by: []))
    }
    // Domain y holds the row of stratum C, so the table fails as R's svyby does.
    #expect(throws: TabulateError.self) { try design.estimate(.total, of: "y", domains: design.domains(by: ["g"])) }
    // With y missing on that row, stratum C has no row in the estimate: no failure, V = 72.
    let missing = try self.design(lonely: true, lonelyY: nil, rule: .fail)
    let row = try #require(try missing.estimate(.total, of: "y", domains: missing.domains(by: [])).first)
    #expect(close(row.se, 72.0.squareRoot()))
  }

  @Test("a certainty stratum (N = n) adds nothing and never fails")
  func certaintyStratum() throws {
    let design = try design(lonely: true, lonelyN: 1, rule: .fail)
    let row = try #require(try design.estimate(.total, of: "y", domains: design.domains(by: [])).first)
    #expect(row.estimate == 85)
    #expect(close(row.se, 72.0.squareRoot()))
    // df counts the certainty stratum as R's degf does: 6 PSUs − 3 strata.
    #expect(row.df == 3)
  }
}
