import SurveyCore

/// `range`: a number outside the variable's `range: [lowest, highest]`.
public struct RangeRule: ValidationRule {
  public let id = RuleID.range

  public init() {}

  static func message(_ variable: Variable, _ range: ClosedRange<Double>) -> String {
    let integer = variable.type == .integer
    let low = range.lowerBound.isInfinite ? "" : NumberFormatting.string(range.lowerBound, integer: integer)
    let high = range.upperBound.isInfinite ? "" : NumberFormatting.string(range.upperBound, integer: integer)
    if range.lowerBound.isInfinite { return "\(variable.name) is above the highest allowed value \(high)" }
    if range.upperBound.isInfinite { return "\(variable.name) is below the lowest allowed value \(low)" }
    return "\(variable.name) is outside the range \(low) to \(high)"
  }

  public func check(_ context: ValidationContext) throws -> [Finding] {
    var findings: [Finding] = []
    for variable in context.codebook.variables {
      guard let range = variable.range, let column = context.table.column(variable.name),
        let values = column.numbers
      else { continue }
      for row in 0..<column.count where column.state[row] == .present && !context.skipsRow[row] {
        if !range.contains(values[row]) {
          findings.append(context.finding(.error, id, variable, row: row, Self.message(variable, range)))
        }
      }
    }
    return findings
  }
}
