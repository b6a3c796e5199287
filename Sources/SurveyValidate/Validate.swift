import SurveyCore

/// The validate stage: checks a table against its codebook and collects findings.
public enum Validate {
  /// The rules, in the order their findings are listed for one line.
  public static let rules: [any ValidationRule] = [
    TypeRule(), CodeRule(), RequiredRule(), RangeRule(), RelevantRule(), ConstraintRule(), UniqueRule(),
    OtherSpecifyRule(), ResubmissionRule(), DurationRule(), FieldworkRule(), OutlierRule(), DontKnowShareRule(),
  ]

  /// Runs every rule on `table`, with the pipeline's field-quality `checks` if any.
  ///
  /// - Returns: the findings, ordered by batch, line and rule, each with its enumerator when
  ///   `checks.enumerator` names the column.
  /// - Throws: ``ValidateError`` when a codebook expression cannot be evaluated.
  public static func run(_ table: DataTable, codebook: Codebook, checks: ChecksSpec? = nil) throws -> [Finding] {
    let context = ValidationContext(table: table, codebook: codebook, checks: checks)
    // The rules are independent: they run on every core, their findings kept in rule order.
    let perRule = try Parallel.map(rules.count) { try rules[$0].check(context) }
    return attributeEnumerators(perRule.flatMap { $0 }.sortedForReport(), table: table, checks: checks)
  }
}
