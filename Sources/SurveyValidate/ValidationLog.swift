import SurveyCore

/// The findings of a run as the reviewer sees them: with stable ids, ordered by batch and line,
/// and written as `validation.csv`, `validation.jsonl` and `validation.html`.
public struct ValidationLog: Sendable {
  /// The findings in log order.
  public let findings: [Finding]
  /// The id of each finding (``FindingID``), in the order of ``findings``.
  public let ids: [String]
  /// One line per interviewer for the report (empty when the pipeline names no enumerator column).
  public let enumerators: [EnumeratorSummary]
  /// The raw CSV text of the records findings are about, personal data masked, by batch and line.
  public let rawRecords: [RecordPlace: String]
  /// The CSV and JSON lines end with an `enumerator` column (the pipeline has `checks.enumerator`).
  public let showsEnumerator: Bool

  /// Where a record starts: its batch name and line, as findings name them.
  public struct RecordPlace: Hashable, Sendable {
    public var batch: String
    public var line: Int

    public init(batch: String, line: Int) {
      self.batch = batch
      self.line = line
    }
  }

  /// Orders `findings` by batch, line and the order they were raised, with each flood of
  /// per-column or per-line findings of one file made one summary (``SurveyCore/Finding/floodLimit``).
  ///
  /// - Parameters:
  ///   - findingDecisions: the decisions file's accepts by finding id
  ///     (``settle(_:ids:with:)``).
  ///   - enumerators: the per-interviewer report lines for `validation.html` (none: no section).
  ///   - rawRecords: the raw text of records (personal data already masked) that
  ///     `validation.html` shows under the findings about them.
  ///   - showsEnumerator: add the `enumerator` column (only with `checks.enumerator`, so logs of
  ///     pipelines without it keep their columns).
  public init(
    findings: [Finding], findingDecisions: [FindingDecision] = [], enumerators: [EnumeratorSummary] = [],
    rawRecords: [RecordPlace: String] = [:], showsEnumerator: Bool = false
  ) {
    var ordered = findings.collapsingFloods().sortedForReport()
    var ids = FindingID.assign(ordered)
    if !findingDecisions.isEmpty {
      let problems = Self.settle(&ordered, ids: ids, with: findingDecisions)
      if !problems.isEmpty {
        // The problems have keys of their own: the ids of the other findings do not change.
        ordered = (ordered + problems).sortedForReport()
        ids = FindingID.assign(ordered)
      }
    }
    self.findings = ordered
    self.ids = ids
    self.enumerators = enumerators
    self.rawRecords = rawRecords
    self.showsEnumerator = showsEnumerator
  }

  /// The raw record text of the finding at `index`, when it is about a row and the driver gave it.
  func rawRecord(_ index: Int) -> String? {
    let finding = findings[index]
    guard finding.row != nil, let batch = finding.batch, let line = finding.line else { return nil }
    return rawRecords[RecordPlace(batch: batch, line: line)]
  }

  public static let columns = [
    "finding_id", "severity", "rule", "variable", "record_id", "batch", "line", "value", "message", "resolution",
  ]

  /// ``columns``, then `enumerator` when ``showsEnumerator``.
  public var columnNames: [String] { showsEnumerator ? Self.columns + ["enumerator"] : Self.columns }

  /// The cells of the finding at `index`, in the order of ``columnNames``, as every log shows
  /// them: values, ids and names cut at ``LogText/valueLimit`` scalars, the message at
  /// ``LogText/messageLimit``.
  public func cells(_ index: Int) -> [String?] {
    let finding = findings[index]
    func cut(_ text: String?) -> String? { text.map { LogText.capped($0) } }
    return [
      ids[index], finding.severity.rawValue, finding.rule.rawValue, cut(finding.variable), cut(finding.recordID),
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
}
