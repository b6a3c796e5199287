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
    // The rules are independent: they run on every core, their findings kept in rule order.
    let perRule = try Parallel.map(rules.count) { try rules[$0].check(context) }
    return perRule.flatMap { $0 }.sortedForReport()
  }
}
