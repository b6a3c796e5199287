import Foundation
import Testing
import _SurveyTestSupport

/// The golden tables of the example pipeline are the numbers `survey-pipe estimate` gives on the
/// golden clean data with the pipeline's design and weighting, and each is also R's: the
/// proportions are compared with `ciprop.json` (cases `moldova-*`), the means and totals with
/// `weighting.json` (`moldova-example*`), the median with `quantile.json` and the change in
/// awareness with `difference.json`.
@Suite("golden tables: the same as estimate on the tidy data, which matches R")
struct GoldenCoverageTests {
  /// The example pipeline's tables: name, statistic, variable, by-variable.
  static let tables: [(String, String, String, String?)] = [
    ("migrant_share", "proportion", "migrant_status", nil),
    ("insured_abroad_by_status", "proportion", "insured_abroad", "migrant_status"),
    ("insured_abroad_by_sex", "proportion", "insured_abroad", "sex"),
    ("insured_cnam_by_status", "proportion", "insured_cnam", "migrant_status"),
    ("insured_cnam_by_sex", "proportion", "insured_cnam", "sex"),
    ("health_worsened_by_status", "proportion", "health_worsened", "migrant_status"),
    ("unmet_need_by_sex", "proportion", "unmet_need", "sex"),
    ("unmet_need_by_insurance", "proportion", "unmet_need", "insured_cnam"),
    ("oop_cost_by_region", "mean", "oop_cost", "region"),
    ("oop_cost_mean_by_status", "mean", "oop_cost", "migrant_status"),
    ("oop_cost_median_by_status", "quantile", "oop_cost", "migrant_status"),
    ("oop_cost_total", "total", "oop_cost", nil),
    ("aware_risks_by_round", "proportion", "aware_risks", "round"),
  ]

  /// Where R's values of each golden table are: reference file and case.
  static let rCases: [String: (file: String, name: String)] = [
    "migrant_share": ("ciprop.json", "moldova-logit-migrant-share"),
    "insured_abroad_by_status": ("ciprop.json", "moldova-logit-insured-abroad-by-status"),
    "insured_abroad_by_sex": ("ciprop.json", "moldova-xlogit-insured-abroad-by-sex"),
    "insured_cnam_by_status": ("ciprop.json", "moldova-logit-insured-cnam-by-status"),
    "insured_cnam_by_sex": ("ciprop.json", "moldova-logit-insured-cnam-by-sex"),
    "health_worsened_by_status": ("ciprop.json", "moldova-logit-health-worsened-by-status"),
    "unmet_need_by_sex": ("ciprop.json", "moldova-logit-unmet-need-by-sex"),
    "unmet_need_by_insurance": ("ciprop.json", "moldova-logit-unmet-need-by-insurance"),
    "oop_cost_by_region": ("weighting.json", "moldova-example-by-region"),
    "oop_cost_mean_by_status": ("weighting.json", "moldova-example-oop-by-status"),
    "oop_cost_median_by_status": ("quantile.json", "moldova-oop-median-by-status"),
    "oop_cost_total": ("weighting.json", "moldova-example"),
    "aware_risks_by_round": ("ciprop.json", "moldova-xlogit-aware-risks-by-round"),
  ]

  @Test("every golden table row that is not suppressed equals estimate's", arguments: tables.map(\.0))
  func goldenTable(_ name: String) throws {
    let (_, statistic, variable, by) = Self.tables.first { $0.0 == name }!
    let reference = try #require(ReferenceCase.weighting.first { $0.name == "moldova-example" })
    // The case's design and weighting flags, without its estimate requests.
    let flags = Array(reference.args.prefix { !["--mean", "--total", "--proportion"].contains($0) })
    var arguments = [Fixtures.path("moldova/golden/tidy/survey.csv")] + flags + ["--lonely-psu", "adjust", "--\(statistic)", variable]
    if let by { arguments += ["--by", by] }
    if name == "aware_risks_by_round" { arguments += ["--difference", "round=1,2"] }
    if name == "insured_cnam_by_status" { arguments.append("--deff") }
    // Pipeline tables of proportions take logit intervals (checked against R's svyciprop in
    // ciprop.json, cases moldova-logit-*); estimate keeps Wald unless asked.
    if statistic == "proportion" { arguments += ["--ci", "logit"] }
    let output = try SurveyPipeBinary.run(["estimate"] + arguments, in: Fixtures.path("r-reference"))
    #expect(output.status == 0, "\(output.stderr)")
    let ours = Fixtures.simpleCSV(output.stdout)
    let golden = Fixtures.simpleCSV(try Fixtures.text("moldova/golden/tables/\(name).csv"))
    func key(_ row: [String: String]) -> String {
      [row["level"] ?? "", by.flatMap { row[$0] } ?? "", row["quantile"] ?? ""].joined(separator: "|")
    }
    var compared = 0
    for row in golden where !(row["estimate"] ?? "").isEmpty {
      let match = try #require(ours.first { key($0) == key(row) }, "\(name): no estimate row for \(key(row))")
      for field in ["estimate", "se", "ci_low", "ci_high", "deff"] {
        let a = Double(row[field] ?? "")
        let b = Double(match[field] ?? "")
        #expect((a == nil) == (b == nil), "\(name) \(key(row)) \(field)")
        if let a, let b { #expect(abs(a - b) <= 1e-12 * max(1, abs(b)), "\(name) \(key(row)) \(field): \(a) vs \(b)") }
      }
      #expect(row["df"] == match["df"])
      #expect(row["n"] == match["n"])
      compared += 1
    }
    #expect(compared > 0)
  }

  @Test("every golden number that is not suppressed is R's", arguments: rCases.keys.sorted())
  func goldenIsR(_ name: String) throws {
    let (file, caseName) = try #require(Self.rCases[name])
    var references = ReferenceCase.load(file).filter { $0.name == caseName }
    if name == "aware_risks_by_round" { references += ReferenceCase.load("difference.json").filter { $0.name == "moldova-aware-risks-round" } }
    let rows = references.flatMap(\.estimates)
    let (_, statistic, variable, by) = Self.tables.first { $0.0 == name }!
    var compared = 0
    for row in Fixtures.simpleCSV(try Fixtures.text("moldova/golden/tables/\(name).csv")) where !(row["estimate"] ?? "").isEmpty {
      let isDifference = row["statistic"] == "difference"
      let match = rows.first { r in
        guard case .string(let s) = r["statistic"], s == (isDifference ? "difference" : statistic),
          case .string(let v) = r["variable"], v == variable
        else { return false }
        if case .string(let level) = r["level"], level != row["level"] { return false }
        guard let by, !isDifference else { return true }
        if case .object(let domain) = r["by"] { return domain[by] == row[by] }
        return false
      }
      let r = try #require(match, "\(name): R has no row for \(row)")
      for field in ["estimate", "se", "ci_low", "ci_high"] {
        // A blank here (no interval on 0 degrees of freedom) is a null in R's row.
        guard let ours = Double(row[field] ?? "") else {
          #expect(r[field] == .null, "\(name) \(row) \(field): blank, R has \(String(describing: r[field]))")
          continue
        }
        let want = try #require(r[field]?.number, "\(name) \(field) in R")
        #expect(abs(ours - want) <= 1e-9 * max(1, abs(want)), "\(name) \(row) \(field): \(ours) vs R \(want)")
      }
      #expect(Double(row["df"] ?? "") == r["df"]?.number && Double(row["n"] ?? "") == r["n"]?.number, "\(name) \(row)")
      compared += 1
    }
    #expect(compared > 0)
  }

  @Test("the golden test of association is R's svychisq on the same data (chisq.json, case moldova-insured-cnam-status-F)")
  func goldenTest() throws {
    let golden = Fixtures.simpleCSV(try Fixtures.text("moldova/golden/tables/insured_cnam_vs_status.csv"))
    let row = try #require(golden.first)
    #expect(golden.count == 1 && row["test"] == "F" && row["variables"] == "insured_cnam:migrant_status")
    let reference = try #require(ChiSquareReferenceTests.cases.first { $0.name == "moldova-insured-cnam-status-F" })
    for key in ["statistic", "ndf", "ddf", "p_value"] {
      let value = try #require(Double(row[key] ?? ""), "\(key)")
      let want = try #require(reference.test[key])
      #expect(abs(value - want) <= 1e-9 * abs(want), "\(key): \(value) vs R \(want)")
    }
  }
}
