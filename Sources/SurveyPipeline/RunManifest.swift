import Foundation
import SurveyCore
import SurveyIngest

/// `run.json`: the provenance of a run — tool version, every input with its hash, size, rows,
/// encoding and delimiter, the codebook and pipeline hashes, and per-stage row counts and times.
/// Every hash is of the bytes the run parsed (kept from loading), not of the file at the end.
struct RunManifest {
  /// The SHA-256 of the file at `path` now (nil when it cannot be read): what a stage compares
  /// with the hash an artifact recorded.
  static func fileHash(_ path: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return FileDigest.sha256(data)
  }


  let pipeline: Pipeline
  let codebook: Codebook
  let started: Date
  var inputs: [BatchReport] = []
  var decisions: BatchReport?
  var stages: [StageTime] = []
  var records: (raw: Int, tidy: Int, dropped: Int) = (0, 0, 0)
  var findings: [Finding.Severity: Int] = [:]
  var unresolved: [Finding.Severity: Int] = [:]
  var extra: [(String, String)] = []
  /// The margins files the weighting read, with what was read from each.
  var margins: [MarginsFile] = []
  /// Why the run failed: the `weighting-failed` and `table-failed` findings.
  var failures: [(table: String?, finding: Finding)] = []

  init(pipeline: Pipeline, codebook: Codebook, started: Date) {
    self.pipeline = pipeline
    self.codebook = codebook
    self.started = started
  }

  static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.string(from: date)
  }

  static func input(_ report: BatchReport) -> String {
    JSONText.object([
      ("name", JSONText.string(report.name)),
      ("path", JSONText.string(report.path)),
      ("sha256", JSONText.string(report.sha256)),
      ("bytes", String(report.bytes)),
      ("rows", String(report.records)),
      ("encoding", JSONText.string(report.encoding.rawValue)),
      ("encoding_source", JSONText.string(report.encodingSource.rawValue)),
      ("byte_order_mark", report.byteOrderMark ? "true" : "false"),
      ("delimiter", JSONText.string(ReadOptions.delimiterName(report.delimiter))),
      ("decimal", JSONText.string(String(UnicodeScalar(report.decimal)))),
      ("lines", lines(report.lines)),
    ])
  }

  /// Where every physical line of a batch went; `accounted` is false if any line is missing.
  static func lines(_ lines: LineAccount) -> String {
    JSONText.object([
      ("total", String(lines.total)), ("header", String(lines.header)), ("records", String(lines.records)),
      ("empty_records", String(lines.emptyRecords)), ("blank", String(lines.blank)),
      ("continuation", String(lines.continuation)), ("accounted", lines.accounted ? "true" : "false"),
    ])
  }

  func json(finished: Date) -> String {
    var lines: [String] = []
    lines.append("  \"tool\": " + JSONText.object([("name", "\"survey-pipe\""), ("version", JSONText.string(PipelineRun.version))]))
    lines.append(
      "  \"pipeline\": "
        + JSONText.object([
          ("name", JSONText.string(pipeline.name)), ("path", JSONText.string(pipeline.file)),
          ("sha256", JSONText.string(pipeline.sha256)),
        ]))
    lines.append(
      "  \"codebook\": "
        + JSONText.object([
          ("survey", JSONText.string(codebook.survey)), ("path", JSONText.string(pipeline.codebookPath)),
          ("sha256", JSONText.string(codebook.sha256)),
          ("variables", String(codebook.variables.count)),
        ]))
    lines.append("  \"inputs\": [\n" + inputs.map { "    " + Self.input($0) }.joined(separator: ",\n") + "\n  ]")
    lines.append("  \"decisions\": " + (decisions.map(Self.input) ?? "null"))
    // Hashes of the bytes parsed, kept from loading: never the files re-read at the end.
    let marginObjects = margins.map { margin in
      "    "
        + JSONText.object([
          ("path", JSONText.string(margin.path)), ("sha256", JSONText.string(margin.sha256)),
          ("bytes", margin.bytes.map(String.init) ?? "null"),
        ])
    }
    lines.append("  \"margins\": " + (marginObjects.isEmpty ? "[]" : "[\n" + marginObjects.joined(separator: ",\n") + "\n  ]"))
    let physicalLines = inputs.reduce(0) { $0 + $1.lines.total }
    let linesAccounted = inputs.allSatisfy(\.lines.accounted)
    lines.append(
      "  \"records\": "
        + JSONText.object([
          ("raw", String(records.raw)), ("tidy", String(records.tidy)), ("dropped", String(records.dropped)),
          ("lines", String(physicalLines)), ("lines_accounted", linesAccounted ? "true" : "false"),
          ("conserved", records.raw == records.tidy + records.dropped && linesAccounted ? "true" : "false"),
        ]))
    lines.append(
      "  \"findings\": "
        + JSONText.object(
          Finding.Severity.allCases.map { ($0.rawValue, String(findings[$0] ?? 0)) }
            + [("unresolved", JSONText.object(Finding.Severity.allCases.map { ($0.rawValue, String(unresolved[$0] ?? 0)) }))]))
    let stageObjects = stages.map { stage in
      "    "
        + JSONText.object([
          ("stage", JSONText.string(stage.name)), ("rows_in", String(stage.rowsIn)), ("rows_out", String(stage.rowsOut)),
          ("seconds", String(format: "%.4f", stage.seconds)),
        ])
    }
    lines.append("  \"stages\": [\n" + stageObjects.joined(separator: ",\n") + "\n  ]")
    lines.append("  \"status\": " + JSONText.string(failures.isEmpty ? "succeeded" : "failed"))
    let failureObjects = failures.map { table, failure in
      "    "
        + JSONText.object([
          ("rule", JSONText.string(failure.rule.rawValue)), ("table", JSONText.string(table)),
          ("line", failure.line.map(String.init) ?? "null"), ("message", JSONText.string(failure.message)),
        ])
    }
    lines.append("  \"failures\": " + (failureObjects.isEmpty ? "[]" : "[\n" + failureObjects.joined(separator: ",\n") + "\n  ]"))
    for (key, value) in extra { lines.append("  \(JSONText.string(key)): \(value)") }
    lines.append("  \"started\": " + JSONText.string(Self.timestamp(started)))
    lines.append("  \"finished\": " + JSONText.string(Self.timestamp(finished)))
    return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
  }
}
