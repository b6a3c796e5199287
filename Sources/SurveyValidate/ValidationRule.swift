import SurveyCore

/// A check of the cleaned-up meaning of the data against the codebook. Each rule lives in its own
/// file under `Rules/` with its messages, and reports problems as ``SurveyCore/Finding``s.
public protocol ValidationRule: Sendable {
  /// The rule's stable identifier, written in the `rule` column of `validation.csv`.
  var id: RuleID { get }
  /// The findings of this rule on `context`'s table.
  ///
  /// - Throws: ``ValidateError`` when an expression of the codebook cannot be evaluated.
  func check(_ context: ValidationContext) throws -> [Finding]
}

/// What every rule sees: the table, the codebook, the pipeline's checks, and which cells to leave alone.
public struct ValidationContext: Sendable {
  public let table: DataTable
  public let codebook: Codebook
  /// The pipeline's field-quality checks (nil: none).
  public let checks: ChecksSpec?
  /// Rows whose record could not be split into fields (ragged, bad quote), and resubmitted
  /// copies of an earlier record (`checks.resubmissions`): their cells are not checked, since
  /// the record-level finding already covers them.
  public let skipsRow: [Bool]
  /// Per row, the earlier row it is an exact resubmitted copy of, or -1 (``ResubmissionRule``).
  public let resubmissionOf: [Int32]

  public init(table: DataTable, codebook: Codebook, checks: ChecksSpec? = nil) {
    self.table = table
    self.codebook = codebook
    self.checks = checks
    var skips = [Bool](repeating: false, count: table.rowCount)
    for row in table.rowIssues.keys { skips[row] = true }
    let copies = checks?.resubmissions.map { ResubmissionRule.copies(in: table, column: $0, skipping: skips) }
    resubmissionOf = copies ?? [Int32](repeating: -1, count: table.rowCount)
    for row in resubmissionOf.indices where resubmissionOf[row] >= 0 { skips[row] = true }
    self.skipsRow = skips
  }

  /// True when `variable`'s column is absent from the batch of `row` (reported once already).
  public func columnMissing(_ variable: String, row: Int) -> Bool {
    !table.missingColumns.isEmpty
      && table.missingColumns.contains(MissingColumn(batch: Int(table.rowBatch[row]), variable: variable))
  }

  /// A finding about `variable` at `row`, its value as it arrived (blank for personal data).
  public func finding(
    _ severity: Finding.Severity, _ rule: RuleID, _ variable: Variable, row: Int, _ message: String
  ) -> Finding {
    let value = variable.pii ? nil : table.column(variable.name)?.original(row: row)
    return Finding(
      severity: severity, rule: rule, variable: variable.name, row: row, in: table, value: value, message: message)
  }

  /// The rows where `expression` holds, does not hold, or cannot be decided.
  func truths(of expression: Expression, for variable: Variable, key: String) throws -> [Truth] {
    do {
      return try expression.evaluate(in: table, current: variable.name)
    } catch let error as ExpressionEvaluationError {
      throw ValidateError.unknownVariable(
        codebook: codebook.file, line: variable.line, key: "\(variable.name).\(key)", name: error.variable)
    }
  }
}
