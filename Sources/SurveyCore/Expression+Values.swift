/// The value of an expression on every row: truths for a condition, numbers otherwise.
public enum ExpressionValues: Sendable {
  /// A condition: yes, no, or unknown where a value it reads is missing.
  case truths([Truth])
  /// A number per row, valid where every operand is present and the result finite (dates are
  /// day numbers, so a difference of dates is in days).
  case numbers([Double], valid: [Bool])
}

extension Expression {
  /// Evaluates the expression for every row of `table` at once, as a value: a condition
  /// (``isCondition``) gives truths, anything else numbers, missing wherever an operand is
  /// missing (blank, missing code, invalid), a division is by zero or a result is not finite.
  /// Text that is not a number gives no valid value.
  ///
  /// - Throws: ``ExpressionEvaluationError`` when a name is not a column of `table`.
  public func values(in table: DataTable) throws -> ExpressionValues {
    let evaluator = ExpressionEvaluator(table: table, current: nil)
    let vector = try evaluator.vector(self)
    if isCondition { return .truths(evaluator.truths(vector)) }
    guard let (values, valid) = evaluator.numeric(vector, dateHint: false) else {
      return .numbers(
        [Double](repeating: 0, count: table.rowCount), valid: [Bool](repeating: false, count: table.rowCount))
    }
    return .numbers(values, valid: zip(values, valid).map { $1 && $0.isFinite })
  }
}
