import Foundation
import Testing
import _SurveyTestSupport

/// The golden tables of the example pipeline are the numbers `survey-pipe estimate` gives on the
/// golden clean data with the pipeline's design and weighting; `weighting.json` (cases
/// `moldova-example*`) holds R's values for those same estimates and `ciprop.json` (cases
/// `moldova-logit-*`) R's logit intervals of its proportions, so every golden number is also R's.
@Suite("golden tables: the same as estimate on the tidy data, which matches R")
struct GoldenCoverageTests {
  /// The example pipeline's tables: name, statistic, variable, by-variable.
  static let tables: [(String, String, String, String?)] = [
    ("migrant_share", "proportion", "migrant_status", nil),
    ("insured_abroad_by_status", "proportion", "insured_abroad", "migrant_status"),
    ("insured_cnam_by_status", "proportion", "insured_cnam", "migrant_status"),
    ("unmet_need_by_sex", "proportion", "unmet_need", "sex"),
    ("oop_cost_by_region", "mean", "oop_cost", "region"),
    ("oop_cost_total", "total", "oop_cost", nil),
  ]

  @Test("every golden table row that is not suppressed equals estimate's", arguments: tables.map(\.0))
  func goldenTable(_ name: String) throws {
    let (_, statistic, variable, by) = Self.tables.first { $0.0 == name }!
    let reference = try #require(ReferenceCase.weighting.first { $0.name == "moldova-example" })
    // The case's design and weighting flags, without its estimate requests.
    let flags = Array(reference.args.prefix { !["--mean", "--total", "--proportion"].contains($0) })
    var arguments = [Fixtures.path("moldova/golden/tidy/survey.csv")] + flags + ["--lonely-psu", "adjust", "--\(statistic)", variable]
    if let by { arguments += ["--by", by] }
    if name == "insured_cnam_by_status" { arguments.append("--deff") }
    // Pipeline tables of proportions take logit intervals (checked against R's svyciprop in
    // ciprop.json, cases moldova-logit-*); estimate keeps Wald unless asked.
    if statistic == "proportion" { arguments += ["--ci", "logit"] }
    let output = try SurveyPipeBinary.run(["estimate"] + arguments, in: Fixtures.path("r-reference"))
    #expect(output.status == 0, "\(output.stderr)")
    let ours = Fixtures.simpleCSV(output.stdout)
    let golden = Fixtures.simpleCSV(try Fixtures.text("moldova/golden/tables/\(name).csv"))
    func key(_ row: [String: String]) -> String { [row["level"] ?? "", by.flatMap { row[$0] } ?? ""].joined(separator: "|") }
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
