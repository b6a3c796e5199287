import Foundation
import Testing
import _SurveyTestSupport

/// The conservation invariant over generated CSV files, end to end: `survey-pipe run` on a
/// pipeline over the generated batches, then `run.json`, the tidy data, the logs, the tables,
/// stdout and stderr are read back. Reproduce a failure with `SURVEY_PROPERTY_SEEDS=<seed>`.
@Suite("survey-pipe run over generated CSV files: nothing lost, nothing leaked")
struct ConservationPropertyTests {
  @Test(
    "run.json accounts for every line and record, the tidy data and cleaning log hold every record, no output holds personal data",
    arguments: PropertySeeds.list(100_001...100_040))
  func conservation(seed: UInt64) throws {
    let survey = GeneratedSurvey(seed: seed)
    let folder = try TemporaryDirectory("survey-property-run")
    let pipeline = try survey.write(to: folder.path)
    let out = folder.path + "/out"
    let result = try SurveyPipeBinary.run(["run", pipeline, "--out", out])
    var problems: [String] = []
    if result.status != 0 {
      problems.append("exit \(result.status): \(result.stderr)")
    } else {
      do {
        let outputs = try Self.outputs(out, stdout: result.stdout, stderr: result.stderr, problems: &problems)
        problems += ConservationCheck(survey, outputs).problems
      } catch {
        problems.append("cannot read the run folder: \(error)")
      }
    }
    if !problems.isEmpty { Issue.record(Comment(rawValue: PropertySeeds.failureReport(survey, problems: problems))) }
  }

  /// The run folder as the check reads it; `run.json`'s own flags are checked on the way.
  static func outputs(_ out: String, stdout: String, stderr: String, problems: inout [String]) throws -> RunOutputs {
    let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json")))
    guard let manifest = manifest as? [String: Any], let records = manifest["records"] as? [String: Any],
      let inputs = manifest["inputs"] as? [[String: Any]]
    else { throw CocoaError(.fileReadCorruptFile) }
    if records["conserved"] as? Bool != true { problems.append("run.json: conserved is not true: \(records)") }
    if records["lines_accounted"] as? Bool != true { problems.append("run.json: lines_accounted is not true") }
    var lines: [String: (counts: GeneratedBatch.LineCounts, accounted: Bool)] = [:]
    for input in inputs {
      guard let name = input["name"] as? String, let account = input["lines"] as? [String: Any] else { continue }
      func count(_ key: String) -> Int { account[key] as? Int ?? -1 }
      let counts = GeneratedBatch.LineCounts(
        total: count("total"), header: count("header"), records: count("records"), emptyRecords: count("empty_records"),
        blank: count("blank"), continuation: count("continuation"))
      lines[name] = (counts, account["accounted"] as? Bool == true)
      if input["rows"] as? Int != counts.records {
        problems.append("run.json: \(name) rows \(input["rows"] ?? "-") != lines.records \(counts.records)")
      }
    }
    var texts = [("stdout", stdout), ("stderr", stderr)]
    let files = FileManager.default.enumerator(atPath: out)?.compactMap { $0 as? String } ?? []
    for name in files.sorted() {
      var isFolder: ObjCBool = false
      let path = out + "/" + name
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
      texts.append((name, String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)))
    }
    let text = { (name: String) in texts.first { $0.0 == name }?.1 ?? "" }
    return RunOutputs(
      tidy: text("tidy/survey.csv"), cleaningLog: text("cleaning-log.csv"), texts: texts, lines: lines,
      raw: records["raw"] as? Int ?? -1, tidyRecords: records["tidy"] as? Int ?? -1,
      dropped: records["dropped"] as? Int ?? -1)
  }
}
