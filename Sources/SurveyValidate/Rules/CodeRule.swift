import SurveyCore

/// `code`: a categorical answer that is not one of the variable's codes, or a multi-select
/// holding such a code.
public struct CodeRule: ValidationRule {
  public let id = RuleID.code

  public init() {}

  static func message(_ variable: Variable) -> String {
    let codes = variable.codes.map(\.code)
    let shown = codes.count <= 12 ? codes.joined(separator: ", ") : codes.prefix(12).joined(separator: ", ") + ", …"
    if variable.type == .multiple {
      return "\(variable.name) selects a code that is not one of its codes (\(shown))"
    }
    return "\(variable.name) is not one of its codes (\(shown))"
  }

  public func check(_ context: ValidationContext) throws -> [Finding] {
    var findings: [Finding] = []
    for variable in context.codebook.variables where variable.type == .categorical || variable.type == .multiple {
      guard let column = context.table.column(variable.name) else { continue }
      for row in 0..<column.count where column.state[row] == .invalid && !context.skipsRow[row] {
        findings.append(context.finding(.error, id, variable, row: row, Self.message(variable)))
      }
    }
    return findings
  }
}
