import SurveyCore

/// `type`: a cell of an integer, decimal or date variable that is not a value of that type.
public struct TypeRule: ValidationRule {
  public let id = "type"

  public init() {}

  static func message(_ variable: Variable) -> String {
    switch variable.type {
    case .integer: return "\(variable.name) is not a whole number"
    case .decimal: return "\(variable.name) is not a number"
    case .date: return "\(variable.name) is not a date written as \(variable.format ?? "yyyy-MM-dd")"
    default: return "\(variable.name) is not a value of type \(variable.type.rawValue)"
    }
  }

  public func check(_ context: ValidationContext) throws -> [Finding] {
    var findings: [Finding] = []
    for variable in context.codebook.variables where [.integer, .decimal, .date].contains(variable.type) {
      guard let column = context.table.column(variable.name) else { continue }
      for row in 0..<column.count where column.state[row] == .invalid && !context.skipsRow[row] {
        findings.append(context.finding(.error, id, variable, row: row, Self.message(variable)))
      }
    }
    return findings
  }
}
