import SurveyCore

/// `constraint`: an answered value for which the variable's `constraint:` is false. Records
/// where the constraint cannot be decided (a value it reads is missing) are not reported.
public struct ConstraintRule: ValidationRule {
  public let id = RuleID.constraint

  public init() {}

  static func message(_ variable: Variable, _ constraint: Expression) -> String {
    "\(variable.name) breaks its constraint \(constraint.excerpt(limit: 200))"
  }

  public func check(_ context: ValidationContext) throws -> [Finding] {
    var findings: [Finding] = []
    for variable in context.codebook.variables {
      guard let constraint = variable.constraint, let column = context.table.column(variable.name) else { continue }
      let truths = try context.truths(of: constraint, for: variable, key: "constraint")
      let message = Self.message(variable, constraint)
      for row in 0..<column.count
      where truths[row] == .no && column.state[row] == .present && !context.skipsRow[row] {
        findings.append(context.finding(.error, id, variable, row: row, message))
      }
    }
    return findings
  }
}
