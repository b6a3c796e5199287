import SurveyCore

extension Validate {
  /// `findings` with ``SurveyCore/Finding/enumerator`` set, on every finding about a row of
  /// `table`, from the `checks.enumerator` column (unchanged without one).
  public static func attributeEnumerators(_ findings: [Finding], table: DataTable, checks: ChecksSpec?) -> [Finding] {
    guard let name = checks?.enumerator, let column = table.column(name) else { return findings }
    return findings.map { finding in
      guard let row = finding.row, row < column.count else { return finding }
      var finding = finding
      finding.enumerator = column.original(row: row) ?? ""
      return finding
    }
  }

  /// One line per enumerator (`checks.enumerator`) for the validation report: interviews in
  /// `table`, `findings` about them, median interview length (`checks.duration`), answers to
  /// categorical and numeric questions and how many were missing codes. Sorted by name, rows
  /// without an enumerator last as `""`; empty without `checks.enumerator`.
  ///
  /// - Parameter findings: the run's findings, enumerators attributed (``attributeEnumerators(_:table:checks:)``).
  public static func enumeratorSummaries(
    table: DataTable, codebook: Codebook, checks: ChecksSpec?, findings: [Finding]
  ) -> [EnumeratorSummary] {
    guard let name = checks?.enumerator else { return [] }
    let context = ValidationContext(table: table, codebook: codebook, checks: checks)
    let tally = EnumeratorTally(context, enumerator: name)
    var durations = [[Double]](repeating: [], count: tally.names.count)
    if let duration = checks?.duration {
      for (row, minutes) in DurationRule.minutes(in: table, duration).enumerated() where !context.skipsRow[row] {
        if let minutes { durations[tally.group[row]].append(minutes) }
      }
    }
    var findingCounts: [String: Int] = [:]
    for finding in findings { if let enumerator = finding.enumerator { findingCounts[enumerator, default: 0] += 1 } }
    return tally.names.indices.map { k in
      EnumeratorSummary(
        enumerator: tally.names[k], interviews: tally.interviews[k], findings: findingCounts[tally.names[k]] ?? 0,
        medianDurationMinutes: median(durations[k]), answers: tally.answers[k], dontKnowAnswers: tally.dontKnow[k])
    }
  }

  /// The median of `values`, nil when empty.
  static func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
