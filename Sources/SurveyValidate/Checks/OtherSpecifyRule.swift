import SurveyCore

/// `other-specify` (codebook `other: {code, specify}`): the "other" code chosen but the text
/// that specifies it blank, or that text given while the answer is not the "other" code.
public struct OtherSpecifyRule: ValidationRule {
  public let id = RuleID.otherSpecify

  public init() {}

  static func unspecified(_ variable: Variable, _ other: OtherSpecify) -> String {
    "\(variable.name) is the other code \(other.code) but \(other.specify) is blank"
  }

  static func unexpected(_ variable: Variable, _ other: OtherSpecify) -> String {
    "\(other.specify) is filled in but \(variable.name) is not the other code \(other.code)"
  }

  public func check(_ context: ValidationContext) throws -> [Finding] {
    var findings: [Finding] = []
    let table = context.table
    for variable in context.codebook.variables {
      guard let other = variable.other, let specify = context.codebook.variable(named: other.specify),
        let column = table.column(variable.name), let codes = column.codes,
        let texts = table.column(other.specify)
      else { continue }
      let otherIndex = column.levels.firstIndex(of: other.code).map(Int32.init) ?? -1
      for row in 0..<table.rowCount where !context.skipsRow[row] {
        let isOther = column.state[row] == .present && codes[row] == otherIndex
        let specified = texts.formatted(row: row).map { !$0.allSatisfy(\.isWhitespace) } ?? false
        if isOther, !specified {
          findings.append(context.finding(.warning, id, variable, row: row, Self.unspecified(variable, other)))
        } else if !isOther, specified {
          findings.append(context.finding(.warning, id, specify, row: row, Self.unexpected(variable, other)))
        }
      }
    }
    return findings
  }
}
