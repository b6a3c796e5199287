import SurveyCore

/// `unique`: a value of a `unique: true` variable (such as the respondent id) that an earlier
/// record already has, in this batch or an earlier one. The first record is not reported.
public struct UniqueRule: ValidationRule {
  public let id = RuleID.unique

  public init() {}

  static func message(_ variable: Variable, firstBatch: String, firstLine: Int) -> String {
    "\(variable.name) repeats the value of the record at \(firstBatch) line \(firstLine)"
  }

  public func check(_ context: ValidationContext) throws -> [Finding] {
    var findings: [Finding] = []
    let table = context.table
    for variable in context.codebook.variables where variable.unique {
      guard let column = table.column(variable.name) else { continue }
      let earlier = column.earlierDuplicates(skipping: context.skipsRow)
      for row in 0..<column.count where earlier[row] >= 0 {
        let (batch, line) = table.location(row: Int(earlier[row]))
        findings.append(
          context.finding(.error, id, variable, row: row, Self.message(variable, firstBatch: batch, firstLine: line)))
      }
    }
    return findings
  }
}
