extension Expression {
  /// The first division whose divisor is zero whatever the data (`x / 0`, `x / (0)`, `x / -0`,
  /// `x / (1 - 1)`, `x / '0'`, `x / (0 * y)`): its result never has a value, so a condition that
  /// uses it is never true or false. (The language has no remainder operator.)
  public var divisionByZero: Expression? {
    firstResult { node in
      if case .binary(.divide, _, let divisor) = node, divisor.isAlwaysZero { return node }
      return nil
    }
  }

  /// The message for ``divisionByZero``, naming the division.
  static func divisionByZeroMessage(_ division: Expression) -> String {
    "\(division.excerpt()): divides by zero, so the result never has a value"
  }

  /// True when the expression's value is zero for every row where it has one.
  var isAlwaysZero: Bool {
    if let value = constantValue { return value == 0 }
    switch self {
    case .negate(let inner): return inner.isAlwaysZero
    case .binary(.multiply, let lhs, let rhs): return lhs.isAlwaysZero || rhs.isAlwaysZero
    case .binary(.divide, let lhs, _): return lhs.isAlwaysZero
    case .binary(.add, let lhs, let rhs), .binary(.subtract, let lhs, let rhs):
      return lhs.isAlwaysZero && rhs.isAlwaysZero
    default: return false
    }
  }

  /// The value of an expression of literals only, as evaluation computes it (text that reads
  /// as a number counts as that number).
  var constantValue: Double? {
    switch self {
    case .number(let value): return value
    case .string(let text): return Double(text)
    case .negate(let inner): return inner.constantValue.map { 0 - $0 }
    case .binary(let op, let lhs, let rhs) where !op.isComparison:
      guard let x = lhs.constantValue, let y = rhs.constantValue else { return nil }
      return ExpressionEvaluator.apply(op, x, y)
    default: return nil
    }
  }
}
