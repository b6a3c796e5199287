import SurveyCore

/// `required`: a required variable left blank where it applies (its `relevant:` condition, if
/// any, holds; where the condition cannot be decided the blank is not reported). Missing codes
/// (98 = Don't know) are answers and satisfy it.
public struct RequiredRule: ValidationRule {
  public let id = RuleID.required

  public init() {}

  static func message(_ variable: Variable) -> String {
    "\(variable.name) is required but blank"
  }

  public func check(_ context: ValidationContext) throws -> [Finding] {
    var findings: [Finding] = []
    for variable in context.codebook.variables where variable.required {
      guard let column = context.table.column(variable.name) else { continue }
      let relevant = try variable.relevant.map { try context.truths(of: $0, for: variable, key: "relevant") }
      for row in 0..<column.count where column.state[row] == .empty && !context.skipsRow[row] {
        if let relevant, relevant[row] != .yes { continue }
        if context.columnMissing(variable.name, row: row) { continue }
        findings.append(context.finding(.error, id, variable, row: row, Self.message(variable)))
      }
    }
    return findings
  }
}
