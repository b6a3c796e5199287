import SurveyCore

/// The findings of a run as the reviewer sees them: numbered, ordered by batch and line, and
/// written as `validation.csv`, `validation.jsonl` and `validation.html`.
public struct ValidationLog: Sendable {
  /// The findings in log order; the n-th has the id `F000n` (zero-padded to six digits).
  public let findings: [Finding]

  /// Orders `findings` by batch, line and the order they were raised.
  public init(findings: [Finding]) {
    self.findings = findings.sortedForReport()
  }

  /// The stable id of the finding at `index`.
  public static func id(_ index: Int) -> String {
    let digits = String(index + 1)
    return "F" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
  }

  public static let columns = [
    "finding_id", "severity", "rule", "variable", "record_id", "batch", "line", "value", "message", "resolution",
  ]

  /// `validation.csv`: one finding a row; cells that a spreadsheet would run as formulas are
  /// prefixed with `'`.
  public func csv() -> String {
    var writer = CSVWriter(neutralizesFormulas: true)
    writer.row(Self.columns)
    for (index, finding) in findings.enumerated() {
      writer.row([
        Self.id(index), finding.severity.rawValue, finding.rule, finding.variable, finding.recordID,
        finding.batch, finding.line.map(String.init), finding.value, finding.message, finding.resolution,
      ])
    }
    return writer.text
  }

  /// `validation.jsonl`: one JSON object a line, with the same keys as the CSV columns.
  public func jsonLines() -> String {
    var text = ""
    for (index, finding) in findings.enumerated() {
      text += JSONText.object([
        ("finding_id", JSONText.string(Self.id(index))),
        ("severity", JSONText.string(finding.severity.rawValue)),
        ("rule", JSONText.string(finding.rule)),
        ("variable", JSONText.string(finding.variable)),
        ("record_id", JSONText.string(finding.recordID)),
        ("batch", JSONText.string(finding.batch)),
        ("line", finding.line.map(String.init) ?? "null"),
        ("value", JSONText.string(finding.value)),
        ("message", JSONText.string(finding.message)),
        ("resolution", JSONText.string(finding.resolution)),
      ])
      text += "\n"
    }
    return text
  }

  /// Counts by severity.
  public var counts: [Finding.Severity: Int] { findings.counts() }

  /// Counts by severity of the findings no reviewer decision has settled.
  public var unresolvedCounts: [Finding.Severity: Int] { findings.filter { $0.resolution == nil }.counts() }

  /// Counts of `key` values, in first-seen order.
  func tally(_ key: (Finding) -> String) -> [(String, [Finding.Severity: Int])] {
    var order: [String] = []
    var counts: [String: [Finding.Severity: Int]] = [:]
    for finding in findings {
      let k = key(finding)
      if counts[k] == nil { order.append(k) }
      counts[k, default: [:]][finding.severity, default: 0] += 1
    }
    return order.map { ($0, counts[$0]!) }
  }
}
