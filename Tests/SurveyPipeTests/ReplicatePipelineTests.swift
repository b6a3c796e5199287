import Foundation
import Testing
import _SurveyTestSupport

/// Replicate designs and table filters in `survey-pipe run`: the bundled example with JKn
/// replicates (its nonresponse adjustment, raking calibration and trimming replayed on every
/// replicate), where a filtered table must equal the same domain of a `by` table, row for row.
/// (The estimators themselves are checked against R in ReplicateReferenceTests.)
@Suite("replicate designs and filters in pipelines")
struct ReplicatePipelineTests {
  /// The example pipeline with absolute paths, `design` and `tables` replaced, no exports.
  static func pipeline(design: String, tables: [String]) throws -> String {
    let text = try String(contentsOfFile: Fixtures.root.appendingPathComponent("pipelines/moldova-migrant-health.yml").path, encoding: .utf8)
    var lines: [String] = []
    var inTables = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.hasPrefix("design:") {
        lines.append("design: \(design)")
      } else if line.hasPrefix("tables:") {
        inTables = true
        lines.append("tables:")
        lines += tables.map { "  - \($0)" }
      } else if inTables, line.hasPrefix("  ") || line.hasPrefix("#") {
        continue
      } else if line.hasPrefix("exports:") || line.hasPrefix("output:") {
        continue
      } else {
        inTables = false
        lines.append(line)
      }
    }
    return lines.joined(separator: "\n").replacingOccurrences(of: "../", with: Fixtures.root.path + "/")
  }

  static let tables = [
    "{name: oop_by_status, mean: oop_cost, by: [migrant_status], ci: wald}",
    "{name: oop_returned, mean: oop_cost, filter: \"migrant_status == 2\", ci: wald}",
    "{name: cnam_by_status_sex, proportion: insured_cnam, by: [migrant_status, sex]}",
    "{name: cnam_returned_by_sex, proportion: insured_cnam, by: [sex], filter: \"migrant_status == 2\"}",
  ]

  /// The rows of a table's CSV, by header.
  static func rows(_ path: String) throws -> [[String: String]] {
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
  }

  /// Runs the example with `design`; checks that each filtered table equals its domain of the by table.
  func checkFiltersAreDomains(design: String) throws -> String {
    let folder = try TemporaryDirectory("replicate-pipeline")
    _ = try folder.write("p.yml", Self.pipeline(design: design, tables: Self.tables))
    let run = try SurveyPipeBinary.run(["run", "p.yml", "--out", "out", "--quiet"], in: folder.path)
    #expect(run.status == 0, "\(run.stderr)")
    let tables = folder.url.appendingPathComponent("out/tables").path
    let numbers = ["estimate", "se", "ci_low", "ci_high", "df", "n"]
    let returned = try Self.rows(tables + "/oop_returned.csv")
    let byStatus = try Self.rows(tables + "/oop_by_status.csv").filter { $0["migrant_status"] == "2" }
    #expect(returned.count == 1 && byStatus.count == 1)
    for key in numbers { #expect(returned.first?[key] == byStatus.first?[key], "oop \(key)") }
    let returnedBySex = try Self.rows(tables + "/cnam_returned_by_sex.csv")
    let bothBy = try Self.rows(tables + "/cnam_by_status_sex.csv").filter { $0["migrant_status"] == "2" }
    #expect(returnedBySex.count == bothBy.count && !bothBy.isEmpty)
    for (a, b) in zip(returnedBySex, bothBy) {
      #expect(a["level"] == b["level"] && a["sex"] == b["sex"])
      for key in numbers { #expect(a[key] == b[key], "cnam \(key) sex \(a["sex"] ?? "")") }
    }
    return try folder.read("out/tables.md")
  }

  @Test("a filtered table is its domain of the full design, linearized")
  func linearized() throws {
    let markdown = try checkFiltersAreDomains(
      design: "{weight: design_weight, strata: stratum, psu: [psu], fpc: [fpc], lonely_psu: adjust}")
    #expect(markdown.contains("Rows where (migrant_status == 2), estimated as a domain of the full design."))
    #expect(!markdown.contains("Standard errors from"))
  }

  @Test("with JKn replicates and the weighting replayed on each, a filtered table is still its domain")
  func replicates() throws {
    let markdown = try checkFiltersAreDomains(
      design: "{weight: design_weight, strata: stratum, psu: [psu], fpc: [fpc], lonely_psu: adjust, replicates: jkn}")
    #expect(markdown.contains("Standard errors from"))
    #expect(markdown.contains("JKn replicate weights"))
  }

  @Test("the bundled pipelines/moldova-replicates.yml runs, and its tables say how their SEs were made and which rows they use")
  func bundled() throws {
    let folder = try TemporaryDirectory("replicate-pipeline")
    let run = try SurveyPipeBinary.run([
      "run", Fixtures.root.appendingPathComponent("pipelines/moldova-replicates.yml").path, "--out", folder.path + "/out", "--quiet",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let markdown = try folder.read("out/tables.md")
    #expect(markdown.contains("Standard errors from 20 JKn replicate weights made from the design's PSUs, the weighting replayed on each."))
    #expect(markdown.contains("Rows where (sex == 2), estimated as a domain of the full design."))
    // weights.json describes the replicates: JKn, one per PSU of the 10 strata of 2 PSUs, scale 1.
    let weights = try folder.read("out/weights.json")
    #expect(weights.contains("\"replicates\": {\"method\": \"JKn\", \"count\": 20, \"scale\": 1, \"rscales\": ["))
    #expect(weights.contains("\"mse\": false, \"origin\": \"made from the design's PSUs, the weighting replayed on each\"}"))
    let html = try folder.read("out/tables.html")
    #expect(html.contains("<p class=\"legend\">Rows where (migrant_status in (1, 2)), estimated as a domain of the full design.</p>"))
  }

  @Test("tabulate on its own reads the replicates from the weight artifact: the same tables as run, bootstrap draws included")
  func stageByStage() throws {
    let folder = try TemporaryDirectory("replicate-pipeline")
    let design = "{weight: design_weight, strata: stratum, psu: [psu], fpc: [fpc], lonely_psu: adjust, replicates: bootstrap=30, seed: 4}"
    _ = try folder.write("p.yml", Self.pipeline(design: design, tables: Self.tables))
    #expect(try SurveyPipeBinary.run(["run", "p.yml", "--out", "out", "--quiet"], in: folder.path).status == 0)
    let first = try folder.read("out/tables/oop_by_status.csv")
    let again = try SurveyPipeBinary.run(["tabulate", "p.yml", "--out", "out", "--quiet"], in: folder.path)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try folder.read("out/tables/oop_by_status.csv") == first)
    #expect(try folder.read("out/tables.md").contains("30 bootstrap replicate weights"))
  }

  @Test("design and filter mistakes are refused when the pipeline loads, naming the key")
  func loadErrors() throws {
    let folder = try TemporaryDirectory("replicate-pipeline")
    let base = "{weight: design_weight, strata: stratum, psu: [psu], fpc: [fpc], lonely_psu: adjust"
    let cases: [(design: String, table: String, message: String)] = [
      (base + ", replicates: jk9}", Self.tables[0], "unknown replicate method 'jk9'"),
      (base + ", replicates: jkn, repweights: rw}", Self.tables[0], "not both"),
      (base + ", rscales: [1, 2]}", Self.tables[0], "rscales needs replicates or repweights"),
      (base + ", replicates: jkn, seed: 3}", Self.tables[0], "seed is for replicates: bootstrap=R"),
      (base + ", repweights: rw, rep_type: jk1}", Self.tables[0], "no variable of the codebook"),
      (base + ", repweights: rw}", Self.tables[0], "rep_type"),
      (base + ", repweights: '^(', rep_type: jk1}", Self.tables[0], "not a valid regular expression"),
      (base + ", repweights: '^sex$', rep_type: jk1}", Self.tables[0], "'sex' must be an integer or decimal variable"),
      (base + "}", "{name: t, mean: oop_cost, filter: \"nosuch == 1\"}", "'nosuch' is not a variable of the codebook"),
      (base + "}", "{name: t, mean: oop_cost, filter: \"sex ==\"}", "is not a valid expression"),
      (base + "}", "{name: t, mean: oop_cost, filter: \"phone == '1'\"}", "'phone' is personal data (pii)"),
      (base + "}", "{name: t, mean: oop_cost, filter: \"sex == 'Male'\"}", "'Male'"),
      (base + "}", "{name: t, chisq: [sex, region], filter: \"sex == 2\"}", "filter is not available on chisq tables"),
    ]
    for item in cases {
      _ = try folder.write("p.yml", Self.pipeline(design: item.design, tables: [item.table]))
      let check = try SurveyPipeBinary.run(["check", "p.yml"], in: folder.path)
      #expect(check.status != 0, "\(item.message)")
      #expect(check.stderr.contains(item.message) || check.stdout.contains(item.message), "\(check.stdout)\(check.stderr)")
    }
  }
}
