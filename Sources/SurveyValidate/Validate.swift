import SurveyCore

/// The validate stage: checks a table against its codebook and collects findings.
public enum Validate {
  /// The rules, in the order their findings are listed for one line.
  public static let rules: [any ValidationRule] = [
    TypeRule(), CodeRule(), RequiredRule(), RangeRule(), RelevantRule(), ConstraintRule(), UniqueRule(),
  ]

  /// Runs every rule on `table`.
  ///
  /// - Returns: the findings, ordered by batch, line and rule.
  /// - Throws: ``ValidateError`` when a codebook expression cannot be evaluated.
  public static func run(_ table: DataTable, codebook: Codebook) throws -> [Finding] {
    let context = ValidationContext(table: table, codebook: codebook)
    var findings: [Finding] = []
    for rule in rules {
      findings += try rule.check(context)
    }
    return findings.sortedForReport()
  }
}
