import SurveyCore

/// `fieldwork` (`checks.fieldwork`): an interview dated before `from` or after `to` (both days
/// are inside). A datetime counts by its calendar day in UTC.
public struct FieldworkRule: ValidationRule {
  public let id = RuleID.fieldwork

  public init() {}

  static func message(_ check: FieldworkCheck) -> String {
    "\(check.date) is outside the fieldwork dates \(check.from.iso) to \(check.to.iso)"
  }

  /// The day (since the epoch) of every row's date, nil where it is not present.
  static func days(of column: Column) -> [Int?] {
    (0..<column.count).map { row -> Int? in
      guard column.state[row] == .present else { return nil }
      switch column.values {
      case .dates(let days): return Int(days[row])
      case .instants(let milliseconds): return ISODateTime.day(milliseconds[row])
      default: return nil
      }
    }
  }

  public func check(_ context: ValidationContext) throws -> [Finding] {
    guard let check = context.checks?.fieldwork, let variable = context.codebook.variable(named: check.date),
      let column = context.table.column(check.date)
    else { return [] }
    let window = check.from.daysSinceEpoch...check.to.daysSinceEpoch
    var findings: [Finding] = []
    for (row, day) in Self.days(of: column).enumerated() where !context.skipsRow[row] {
      guard let day, !window.contains(day) else { continue }
      findings.append(context.finding(.warning, id, variable, row: row, Self.message(check)))
    }
    return findings
  }
}
