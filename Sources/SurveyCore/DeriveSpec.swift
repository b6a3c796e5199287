/// One entry of `clean.derive`: a new variable computed from others, by an expression or by
/// cutting a numeric variable into groups.
public struct DeriveSpec: Sendable, Equatable {
  /// How the values are computed.
  public enum Rule: Sendable, Equatable {
    /// A condition (`health_now > health_before`): 1 where it holds, 0 where it does not, missing
    /// where it cannot be decided; or a number (`year_returned - year_departed`), missing where
    /// an operand is.
    case expression(Expression)
    /// `variable` cut at `breaks` (ascending lower bounds): group k holds values from
    /// `breaks[k]` up to, not including, `breaks[k + 1]` (the last group has no upper bound);
    /// codes 1, 2, … labelled by `labels`; values below the first break are missing.
    case cut(variable: String, breaks: [Double])
  }

  /// The new variable: its name, type (categorical for conditions and cuts, decimal or
  /// integer for numbers), codes and label.
  public var variable: NewVariable
  public var rule: Rule
  /// The line of the entry in the pipeline file.
  public var line: Int?

  public init(variable: NewVariable, rule: Rule, line: Int? = nil) {
    self.variable = variable
    self.rule = rule
    self.line = line
  }

  public var name: String { variable.name }

  /// The variables the rule reads.
  public var inputs: [String] {
    switch rule {
    case .expression(let expression): return expression.variables
    case .cut(let variable, _): return [variable]
    }
  }

  /// The codes of a derived condition: 0 = No, 1 = Yes.
  public static let conditionCodes = [CodeLabel(code: "0", label: "No"), CodeLabel(code: "1", label: "Yes")]
}

extension Expression {
  /// True when the expression is a condition (a comparison, `and`, `or`, `not`, `in`, a
  /// condition function, `true` or `false`), whose value is a truth rather than a number.
  public var isCondition: Bool {
    switch self {
    case .boolean, .not, .and, .or, .membership: return true
    case .call(let function, _): return !function.isNumeric
    case .binary(let op, _, _): return op.isComparison
    case .number, .string, .variable, .current, .negate: return false
    }
  }
}
