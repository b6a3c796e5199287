import SurveyCore

/// `relevant`: an answer (a value or a missing code) to a question that skip logic says should
/// not have been asked: its `relevant:` condition is false for the record.
public struct RelevantRule: ValidationRule {
  public let id = RuleID.relevant

  public init() {}

  static func message(_ variable: Variable, _ condition: Expression) -> String {
    "\(variable.name) is answered although it does not apply (relevant: \(condition.excerpt(limit: 200)) is false)"
  }

  public func check(_ context: ValidationContext) throws -> [Finding] {
    var findings: [Finding] = []
    for variable in context.codebook.variables {
      guard let condition = variable.relevant, let column = context.table.column(variable.name) else { continue }
      let truths = try context.truths(of: condition, for: variable, key: "relevant")
      let message = Self.message(variable, condition)
      for row in 0..<column.count where truths[row] == .no && !context.skipsRow[row] {
        let state = column.state[row]
        guard state == .present || state == .missingCode else { continue }
        findings.append(context.finding(.warning, id, variable, row: row, message))
      }
    }
    return findings
  }
}
