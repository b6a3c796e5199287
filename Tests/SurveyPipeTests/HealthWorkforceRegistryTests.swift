import Foundation
import Testing
import _SurveyTestSupport

/// The registry's indicators against a hand calculation from the raw extract (``HandRegistry``):
/// counts, shares, medians and rates computed here with plain arithmetic, then compared with the
/// run's tables. The registry is a census: every SE is 0 and no row has an interval.
@Suite("health workforce: registry indicators by hand")
struct HealthWorkforceRegistryTests {
  static func near(_ got: Double?, _ want: Double, _ label: String) {
    let ok = got.map { abs($0 - want) <= 1e-12 * max(1, abs(want)) } ?? false
    let shown = got.map { "\($0)" } ?? "none"
    #expect(ok, "\(label): \(shown) vs \(want) by hand")
  }

  @Test("densities per 10,000 population: practising workers of 2025 ÷ the 2025 population")
  func densities() throws {
    let run = try HealthWorkforceRun()
    #expect(run.output.status == 0, "\(run.output.stderr)")
    let hand = try HandRegistry()
    let stock = hand.stock2025
    for isco in HandRegistry.professions {
      // Doctors: 175 practising of 2025 ÷ 30,000 people (the five regions' 2025 population) × 10,000.
      let count = Double(stock.filter { $0.isco == isco }.count)
      Self.near(try run.estimate("registry", "density_by_profession", ["isco": isco]), count * 10_000 / hand.population2025(), "density \(isco)")
      Self.near(try run.estimate("registry", "practising_by_profession", ["isco": isco]), count, "count \(isco)")
    }
    for region in ["1", "2", "3", "4", "5"] {
      let count = Double(stock.filter { $0.region == region }.count)
      Self.near(
        try run.estimate("registry", "density_by_region", ["region": region]),
        count * 10_000 / hand.population2025(region: region), "density region \(region)")
      for isco in HandRegistry.professions {
        let cell = Double(stock.filter { $0.region == region && $0.isco == isco }.count)
        // Domains are the combinations found in the data: a profession with no registered
        // worker in a region (midwifery professionals in Nord) has no row.
        if hand.rows.allSatisfy({ $0.year != 2025 || $0.region != region || $0.isco != isco }) {
          #expect(try run.table("registry", "density_by_profession_region").allSatisfy { $0["isco"] != isco || $0["region"] != region })
          continue
        }
        Self.near(
          try run.estimate("registry", "density_by_profession_region", ["isco": isco, "region": region]),
          cell * 10_000 / hand.population2025(region: region), "density \(isco) in region \(region)")
      }
    }
    for activity in 1...3 {
      let count = Double(hand.rows.filter { $0.year == 2025 && $0.activity == activity }.count)
      Self.near(
        try run.estimate("registry", "density_by_activity", ["activity": "\(activity)"]),
        count * 10_000 / hand.population2025(), "density activity \(activity)")
    }
    // Chișinău by hand from the file: 261 practising in 2025, population 15,000 → 174.
    Self.near(try run.estimate("registry", "density_by_region", ["region": "1"]), 174, "Chișinău, worked out")
  }

  @Test("distribution by sex, age and ownership, median age, foreign-born and foreign-trained shares of the 2025 stock")
  func distributions() throws {
    let run = try HealthWorkforceRun()
    let hand = try HandRegistry()
    for isco in HandRegistry.professions {
      let group = hand.stock2025.filter { $0.isco == isco }
      let n = Double(group.count)
      Self.near(
        try run.estimate("registry", "female_share", ["isco": isco, "level": "2"]),
        Double(group.filter { $0.sex == "2" }.count) / n, "female share \(isco)")
      Self.near(
        try run.estimate("registry", "private_share", ["isco": isco, "level": "2"]),
        Double(group.filter { $0.ownership == "2" }.count) / n, "private sector \(isco)")
      Self.near(
        try run.estimate("registry", "foreign_born_share", ["isco": isco, "level": "1"]),
        Double(group.filter { $0.countryBirth != "MDA" }.count) / n, "foreign-born \(isco)")
      Self.near(
        try run.estimate("registry", "foreign_trained_share", ["isco": isco, "level": "1"]),
        Double(group.filter { $0.countryTraining != "MDA" }.count) / n, "foreign-trained \(isco)")
      let ages = group.compactMap { $0.birthYear.map { 2025 - $0 } }.sorted()
      // Age groups: under 35, 35-44, 45-54, 55-64, 65+ (codes 1-5).
      let bounds = [(0, 35), (35, 45), (45, 55), (55, 65), (65, 200)]
      for (code, bound) in bounds.enumerated() {
        Self.near(
          try run.estimate("registry", "age_distribution", ["isco": isco, "level": "\(code + 1)"]),
          Double(ages.filter { $0 >= bound.0 && $0 < bound.1 }.count) / Double(ages.count), "age group \(code + 1) \(isco)")
      }
      // qrule math with every weight 1: the smallest age with at least half the workers at or
      // below it, the ⌈n/2⌉-th of the sorted ages.
      let median = Double(ages[(ages.count + 1) / 2 - 1])
      Self.near(try run.estimate("registry", "median_age", ["isco": isco]), median, "median age \(isco)")
    }
  }

  @Test("exits to emigration per 1,000 registered, their share of all exits, certificates per 1,000")
  func flows() throws {
    let run = try HealthWorkforceRun()
    let hand = try HandRegistry()
    for year in 2023...2025 {
      let registered = hand.rows.filter { $0.year == year }
      let exits = registered.filter { $0.exitReason > 0 }
      let emigrated = Double(exits.filter { $0.exitReason == 3 }.count)
      Self.near(
        try run.estimate("registry", "emigration_exit_rate", ["year": "\(year)"]),
        emigrated * 1000 / Double(registered.count), "emigration rate \(year)")
      Self.near(
        try run.estimate("registry", "exit_reasons", ["year": "\(year)", "level": "3"]),
        emigrated / Double(exits.count), "emigration's share of exits \(year)")
      Self.near(
        try run.estimate("registry", "certificate_rate", ["year": "\(year)"]),
        Double(registered.filter(\.certificate).count) * 1000 / Double(registered.count), "certificates \(year)")
    }
    for isco in HandRegistry.professions {
      // Pooled over 2023-2025: per 1,000 worker-years (the row with profession 2211 is in none).
      let years = hand.rows.filter { $0.isco == isco }
      Self.near(
        try run.estimate("registry", "emigration_exit_rate_by_profession", ["isco": isco]),
        Double(years.filter { $0.exitReason == 3 }.count) * 1000 / Double(years.count), "emigration rate \(isco)")
    }
  }

  @Test("a census table has SE 0, no interval, no design effect and df 0 in every row")
  func noSamplingError() throws {
    let run = try HealthWorkforceRun()
    let names = try FileManager.default.contentsOfDirectory(atPath: run.path("registry", "tables")).filter { $0.hasSuffix(".csv") }
    #expect(names.count == 15)
    for name in names {
      for row in try run.table("registry", String(name.dropLast(4))) where !(row["estimate"] ?? "").isEmpty {
        #expect(row["se"] == "0" && row["ci_low"] == "" && row["ci_high"] == "" && row["deff"] == "" && row["df"] == "0", "\(name): \(row)")
      }
    }
  }
}
