import SurveyCore

/// `duration` (`checks.duration`): an interview that took less than `min_minutes` from its
/// start to its end, or that ends before it starts. Reported on the end variable; interviews
/// without both times are not checked.
public struct DurationRule: ValidationRule {
  public let id = RuleID.duration

  public init() {}

  static func message(minutes: Double, check: DurationCheck) -> String {
    "the interview took \(formatted(minutes)) minutes from \(check.start) to \(check.end), "
      + "under the minimum of \(formatted(check.minMinutes))"
  }

  static func endsBeforeStart(_ check: DurationCheck) -> String {
    "the interview ends (\(check.end)) before it starts (\(check.start))"
  }

  /// Minutes with at most one decimal, as a reviewer reads them.
  static func formatted(_ minutes: Double) -> String {
    NumberFormatting.string((minutes * 10).rounded(.down) / 10)
  }

  /// Per row, the minutes from start to end, or nil where either time is not present.
  public static func minutes(in table: DataTable, _ check: DurationCheck) -> [Double?] {
    guard let start = table.column(check.start), let end = table.column(check.end),
      let starts = start.instants, let ends = end.instants
    else { return [Double?](repeating: nil, count: table.rowCount) }
    return (0..<table.rowCount).map { row in
      guard start.state[row] == .present, end.state[row] == .present else { return nil }
      return Double(ends[row] - starts[row]) / 60_000
    }
  }

  public func check(_ context: ValidationContext) throws -> [Finding] {
    guard let check = context.checks?.duration, let end = context.codebook.variable(named: check.end) else { return [] }
    var findings: [Finding] = []
    for (row, minutes) in Self.minutes(in: context.table, check).enumerated() where !context.skipsRow[row] {
      guard let minutes else { continue }
      if minutes < 0 {
        findings.append(context.finding(.warning, id, end, row: row, Self.endsBeforeStart(check)))
      } else if minutes < check.minMinutes {
        findings.append(context.finding(.warning, id, end, row: row, Self.message(minutes: minutes, check: check)))
      }
    }
    return findings
  }
}
