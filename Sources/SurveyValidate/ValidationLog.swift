import SurveyCore

/// The findings of a run as the reviewer sees them: numbered, ordered by batch and line, and
/// written as `validation.csv`, `validation.jsonl` and `validation.html`.
public struct ValidationLog: Sendable {
  /// The findings in log order; the n-th has the id `F000n` (zero-padded to six digits).
  public let findings: [Finding]
  /// The CSV and JSON lines end with an `enumerator` column (the pipeline has `checks.enumerator`).
  public let showsEnumerator: Bool

  /// Orders `findings` by batch, line and the order they were raised, with each flood of
  /// per-column or per-line findings of one file made one summary (``SurveyCore/Finding/floodLimit``).
  /// - Parameter showsEnumerator: add the `enumerator` column (only with `checks.enumerator`, so
  ///   logs of pipelines without it keep their columns).
  public init(findings: [Finding], showsEnumerator: Bool = false) {
    self.findings = findings.collapsingFloods().sortedForReport()
    self.showsEnumerator = showsEnumerator
  }

  /// The stable id of the finding at `index`.
  public static func id(_ index: Int) -> String {
    let digits = String(index + 1)
    return "F" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
  }

  public static let columns = [
    "finding_id", "severity", "rule", "variable", "record_id", "batch", "line", "value", "message", "resolution",
  ]

  /// ``columns``, then `enumerator` when ``showsEnumerator``.
  var columnNames: [String] { showsEnumerator ? Self.columns + ["enumerator"] : Self.columns }

  /// The cells of the finding at `index`, in the order of ``columnNames``, as every log shows
  /// them: values, ids and names cut at ``LogText/valueLimit`` scalars, the message at
  /// ``LogText/messageLimit``.
  func cells(_ index: Int) -> [String?] {
    let finding = findings[index]
    func cut(_ text: String?) -> String? { text.map { LogText.capped($0) } }
    return [
      Self.id(index), finding.severity.rawValue, finding.rule.rawValue, cut(finding.variable), cut(finding.recordID),
      cut(finding.batch), finding.line.map(String.init), cut(finding.value),
      LogText.capped(finding.message, limit: LogText.messageLimit), finding.resolution,
    ] + (showsEnumerator ? [cut(finding.enumerator)] : [])
  }

  /// `validation.csv`: one finding a row; cells that a spreadsheet would run as formulas are
  /// prefixed with `'` (``CSVWriter/runsAsFormula(_:)``; numbers such as `-5` are not).
  public func csv() -> String {
    var writer = CSVWriter(neutralizesFormulas: true)
    writer.row(columnNames)
    for index in findings.indices { writer.row(cells(index)) }
    return writer.text
  }

  /// `validation.jsonl`: one JSON object a line, with the same keys as the CSV columns.
  public func jsonLines() -> String {
    var text = ""
    for index in findings.indices {
      let pairs = zip(columnNames, cells(index)).map { column, cell in
        (column, column == "line" ? cell ?? "null" : JSONText.string(cell))
      }
      text += JSONText.object(pairs) + "\n"
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
      let k = LogText.capped(key(finding))
      if counts[k] == nil { order.append(k) }
      counts[k, default: [:]][finding.severity, default: 0] += 1
    }
    return order.map { ($0, counts[$0]!) }
  }
}
