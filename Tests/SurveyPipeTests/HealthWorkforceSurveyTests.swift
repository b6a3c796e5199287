import Foundation
import Testing
import _SurveyTestSupport

/// The intention survey, calibrated to the registry's counts, against R's survey package
/// (`fixtures/r-reference/make-health-workforce.R` → `health-workforce.json`), and the margins it
/// is calibrated to against the registry itself.
@Suite("health workforce: the calibrated intention survey against R")
struct HealthWorkforceSurveyTests {
  static func reference() throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("r-reference/health-workforce.json")))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test("calibrated weights equal R's calibrate(…, calfun = \"linear\") row by row")
  func weights() throws {
    let run = try HealthWorkforceRun()
    #expect(run.output.status == 0, "\(run.output.stderr)")
    let expected = try #require(try Self.reference()["weights"] as? [Double])
    let tidy = Fixtures.simpleCSV(try String(contentsOfFile: run.path("intentions", "tidy/survey.csv"), encoding: .utf8))
    #expect(tidy.count == expected.count)
    for (row, want) in zip(tidy, expected) {
      let got = try #require(Double(row["weight"] ?? ""))
      #expect(abs(got - want) <= 1e-9 * want, "\(row["respondent_id"] ?? "?"): \(got) vs R \(want)")
    }
  }

  @Test("every table row: estimate, SE and df within 1e-9 of R, logit intervals within 1e-8")
  func tables() throws {
    let run = try HealthWorkforceRun()
    let tables = try #require(try Self.reference()["tables"] as? [String: [[String: Any]]])
    #expect(tables.count == 5)
    var compared = 0
    for (name, rows) in tables {
      let ours = try run.table("intentions", name)
      for want in rows {
        let by = want["by"] as? [String: String] ?? [:]
        let level = want["level"] as? String
        let matches = ours.filter { row in row["level"] == level && by.allSatisfy { row[$0.key] == $0.value } }
        let got = try #require(matches.count == 1 ? matches.first : nil, "\(name) \(level ?? "") \(by)")
        let estimate = try #require(want["estimate"] as? Double)
        Self.close(got["estimate"], estimate, 1e-9, scale: 1, "\(name) \(by) \(level ?? "") estimate")
        // R's SE of a calibrated total is 0 up to rounding (1e-14); so is ours.
        Self.close(got["se"], try #require(want["se"] as? Double), 1e-9, scale: max(1, abs(estimate)), "\(name) \(by) se")
        #expect(Int(got["df"] ?? "") == want["df"] as? Int && Int(got["n"] ?? "") == want["n"] as? Int, "\(name) \(by) df, n")
        if let low = want["ci_low"] as? Double, let high = want["ci_high"] as? Double {
          if got["ci_low"] == "" {
            // A share of 0 or 1: R's logit interval collapses onto it (to 1e-12); we write none.
            #expect(abs(high - low) < 1e-9 && abs(low - estimate) < 1e-9, "\(name) \(by) \(level ?? ""): R has an interval")
          } else {
            // svyciprop's logit interval comes from glm, which stops at a relative change in
            // deviance below 1e-8: R's bounds carry that much error; ours are iterated to the end.
            Self.close(got["ci_low"], low, 1e-8, scale: abs(low), "\(name) \(by) \(level ?? "") ci_low")
            Self.close(got["ci_high"], high, 1e-8, scale: abs(high), "\(name) \(by) \(level ?? "") ci_high")
          }
        }
        compared += 1
      }
    }
    #expect(compared == 7 * 2 + 2 + 5 * 2 + 7 * 2 + 7)
  }

  static func close(_ text: String?, _ want: Double, _ tolerance: Double, scale: Double, _ label: String) {
    let got = text.flatMap(Double.init)
    #expect(got.map { abs($0 - want) <= tolerance * max(scale, 1e-300) } == true, "\(label): \(text ?? "none") vs R \(want)")
  }

  @Test("the margins the survey is calibrated to are the registry's counts of its practising workers in 2025")
  func marginsAreTheRegistrysCounts() throws {
    let run = try HealthWorkforceRun()
    let hand = try HandRegistry()
    var counted: [String: Int] = [:]
    for row in hand.stock2025 {
      counted["isco/\(row.isco ?? "")", default: 0] += 1
      counted["region/\(row.region)", default: 0] += 1
      counted["sex/\(row.sex)", default: 0] += 1
    }
    let margins = Fixtures.simpleCSV(try Fixtures.text("health-workforce/registry-margins.csv"))
    #expect(margins.count == 7 + 5 + 2)
    for margin in margins {
      let key = "\(margin["variable"]!)/\(margin["level"]!)"
      #expect(Int(margin["total"]!) == counted[key], "\(key): margin \(margin["total"]!) vs registry \(counted[key] ?? 0)")
      if margin["variable"] == "isco" {
        // …and the registry run's own table of them.
        #expect(try run.estimate("registry", "practising_by_profession", ["isco": margin["level"]!]) == Double(margin["total"]!))
      }
    }
  }
}
