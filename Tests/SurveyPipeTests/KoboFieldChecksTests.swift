import Foundation
import Testing
import _SurveyTestSupport

/// End-to-end: the field-quality checks on the Kobo fixture (fixtures/kobo/README.md).
@Suite("survey-pipe run: the Kobo field-quality checks", .serialized)
struct KoboFieldChecksTests {
  static let pipeline = Fixtures.repoPath("pipelines/kobo-field-checks.yml")
  static let columns = ["severity", "rule", "variable", "record_id", "batch", "line", "value", "enumerator"]

  /// Runs the Kobo pipeline into a fresh folder.
  static func run() throws -> (ProcessOutput, URL, TemporaryDirectory) {
    let folder = try TemporaryDirectory("kobo")
    let out = folder.url.appendingPathComponent("out")
    let result = try SurveyPipeBinary.run(["run", pipeline, "--out", out.path])
    return (result, out, folder)
  }

  @Test("validation.csv holds exactly the planted findings of expected-findings.csv, in order")
  func plantedFindings() throws {
    let (result, out, folder) = try Self.run()
    _ = folder
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("50 records read, 48 kept, 2 dropped"), "\(result.stdout)")
    let text = try String(contentsOf: out.appendingPathComponent("validation.csv"), encoding: .utf8)
    let found = CSVTable(text)
    #expect(found.header.last == "enumerator")
    let expected = CSVTable(try Fixtures.text("kobo/expected-findings.csv"))
    #expect(expected.rows.count == 15)
    func keys(_ table: CSVTable) -> [String] {
      table.rows.map { row in Self.columns.map { row[$0]?.text ?? "" }.joined(separator: "|") }
    }
    #expect(keys(found) == keys(expected))
    // Every rule of the checks is planted.
    let rules = Set(expected.rows.compactMap { $0["rule"]?.text })
    let planted = [
      "duration", "fieldwork", "dont-know-share", "outlier", "other-specify", "resubmission", "unique", "type",
      "multiple-disagree", "meta-columns",
    ]
    for rule in planted {
      #expect(rules.contains(rule), "\(rule) is not planted")
    }
    // The JSON lines carry the enumerator too, on every finding but the batches' meta-columns.
    let json = try String(contentsOf: out.appendingPathComponent("validation.jsonl"), encoding: .utf8)
    let lines = json.split(separator: "\n")
    #expect(lines.count == 15)
    #expect(lines.filter { $0.contains("\"enumerator\": \"enum_") }.count == 13)
    #expect(lines.filter { $0.contains("\"rule\": \"meta-columns\"") }.count == 2)
  }

  @Test("the resubmitted copy is dropped and logged; the changed one is a duplicate id; datetimes are UTC ISO")
  func cleaning() throws {
    let (result, out, folder) = try Self.run()
    _ = folder
    #expect(result.status == 0, "\(result.stderr)")
    let log = CSVTable(try String(contentsOf: out.appendingPathComponent("cleaning-log.csv"), encoding: .utf8))
    let drops = log.rows.filter { $0["variable"]?.text == "" }.map { row in
      ["record_id", "reason", "batch", "line"].map { row[$0]!.text }.joined(separator: "|")
    }
    #expect(drops == ["MD-0012|resubmission|kobo-export-2.csv|6", "MD-0023|duplicate-id|kobo-export-2.csv|11"])
    let tidy = CSVTable(try String(contentsOf: out.appendingPathComponent("tidy/survey.csv"), encoding: .utf8))
    #expect(tidy.rows.count == 48)
    // kobo-export-1.csv line 2 started at 2026-03-03T16:41:59.851+02:00.
    let first = try #require(tidy.rows.first { $0["respondent_id"]?.text == "MD-0023" })
    #expect(first["start"]?.text == "2026-03-03T14:41:59.851Z")
    #expect(first["_submission_time"]?.text == "2026-03-03T17:06:30Z")
    let package = try String(contentsOf: out.appendingPathComponent("tidy/datapackage.json"), encoding: .utf8)
    #expect(package.contains("{\"name\": \"start\", \"type\": \"datetime\""), "\(package)")
  }

  @Test("check names the pipeline file, line and key of a check that does not fit the codebook")
  func checkCommand() throws {
    let ok = try SurveyPipeBinary.run(["check", Self.pipeline])
    #expect(ok.status == 0, "\(ok.stderr)")
    let folder = try TemporaryDirectory("kobo-check")
    let codebook = Fixtures.path("kobo/codebook.yml")
    try folder.write(
      "p.yml", "name: x\ncodebook: \(codebook)\ninputs: [a.csv]\nchecks:\n  duration: {start: username, end: end, min_minutes: 15}\n")
    let bad = try SurveyPipeBinary.run(["check", "p.yml"], in: folder.path)
    #expect(bad.status == 1)
    #expect(
      bad.stderr.contains("p.yml:5: checks.duration.start: 'username' is text; an interview's start must be a datetime variable"),
      "\(bad.stderr)")
  }

  /// The reviewer accepts findings about no record by their ids: printf
  /// 'dont-know-share\x1f\x1fvalue\x1fenum_c' | sha256sum → 38334a4bf4…, and
  /// 'meta-columns\x1f\x1fplace\x1fkobo-export-1.csv\x1f1' → dc7c17eefb….
  @Test("decisions accept enum_c's dont-know-share and a batch's meta-columns by finding_id; a stale accept is reported")
  func acceptByFindingID() throws {
    let folder = try TemporaryDirectory("kobo-accept")
    try folder.write(
      "decisions.csv",
      """
      record_id,variable,old_value,action,new_value,comment,finding_id
      ,,enum_c,accept,,"checked with the supervisor: a village that refused income questions",F38334a4bf4
      ,,,accept,,meta columns are expected,Fdc7c17eefb
      ,,enum_d,accept,,an accept made for another interviewer,F38334a4bf4

      """)
    try folder.write(
      "p.yml",
      """
      name: kobo-accept
      codebook: \(Fixtures.path("kobo/codebook.yml"))
      inputs: [\(Fixtures.path("kobo/batches"))/*.csv]
      clean: {invalid: set-missing, duplicates: keep-first, decisions: decisions.csv}
      checks:
        enumerator: username
        dont_know: {max_share: 0.25, min_answers: 40}
        resubmissions: _uuid

      """)
    let out = folder.url.appendingPathComponent("out")
    let result = try SurveyPipeBinary.run(["run", "p.yml", "--out", out.path], in: folder.path)
    #expect(result.status == 0, "\(result.stderr)")
    let log = CSVTable(try String(contentsOf: out.appendingPathComponent("validation.csv"), encoding: .utf8))
    func row(_ id: String) -> [String: String] {
      let found = log.rows.first { $0["finding_id"]?.text == id }
      return (found ?? [:]).mapValues(\.text)
    }
    #expect(row("F38334a4bf4")["rule"] == "dont-know-share")
    #expect(row("F38334a4bf4")["resolution"] == "decision: accept")
    #expect(row("Fdc7c17eefb")["rule"] == "meta-columns")
    #expect(row("Fdc7c17eefb")["resolution"] == "decision: accept")
    let stale = log.rows.filter { $0["rule"]?.text == "decision-stale" }
    #expect(stale.map { $0["line"]?.text } == ["4"])
    #expect(stale.map { $0["batch"]?.text } == ["decisions.csv"])
    // The second batch's meta-columns finding was not accepted; nothing else was decided.
    #expect(log.rows.filter { $0["resolution"]?.text == "decision: accept" }.count == 2)
    let manifest = try String(contentsOf: out.appendingPathComponent("run.json"), encoding: .utf8)
    #expect(manifest.contains("\"unresolved\": {\"error\": 3, \"warning\": 4, \"info\": 2}"), "\(manifest)")
  }
}
