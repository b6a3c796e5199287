/// An expression of the codebook and pipeline language: skip logic (`relevant:`), constraints,
/// filters and derived variables.
///
/// The language has number and string literals, variable names, `.` for the variable being
/// checked, `== != < <= > >=` (and `=` as in XLSForm), `and or not`, `in (…)`, `+ - * /`,
/// parentheses, and the functions `missing(x)`, `present(x)` and `selected(x, code)`.
/// Parse once with ``Expression/parse(_:)``; evaluate column-wise with ``Expression/evaluate(in:self:)``.
public indirect enum Expression: Sendable, Equatable {
  case number(Double)
  case string(String)
  case boolean(Bool)
  case variable(String)
  /// `.`: the variable the expression belongs to.
  case current
  case negate(Expression)
  case not(Expression)
  case binary(BinaryOperator, Expression, Expression)
  case membership(Expression, [Expression], negated: Bool)
  case call(Function, [Expression])

  /// The operators between two operands; the raw value is how descriptions write them.
  public enum BinaryOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<="
    case greater = ">", greaterOrEqual = ">="
    case and, or
    case add = "+", subtract = "-", multiply = "*", divide = "/"
  }

  /// The functions of the language: `missing(x)`, `present(x)`, `selected(x, code)`.
  public enum Function: String, Sendable, CaseIterable {
    case missing, present, selected

    var arity: Int { self == .selected ? 2 : 1 }
  }

  /// The names of the variables the expression reads, in order of first use.
  public var variables: [String] {
    var names: [String] = []
    func visit(_ expression: Expression) {
      switch expression {
      case .variable(let name): if !names.contains(name) { names.append(name) }
      case .number, .string, .boolean, .current: break
      case .negate(let inner), .not(let inner): visit(inner)
      case .binary(_, let lhs, let rhs): visit(lhs); visit(rhs)
      case .membership(let lhs, let list, _): visit(lhs); list.forEach(visit)
      case .call(_, let arguments): arguments.forEach(visit)
      }
    }
    visit(self)
    return names
  }

  /// True when the expression refers to `.`.
  public var usesCurrent: Bool {
    switch self {
    case .current: return true
    case .variable, .number, .string, .boolean: return false
    case .negate(let inner), .not(let inner): return inner.usesCurrent
    case .binary(_, let lhs, let rhs): return lhs.usesCurrent || rhs.usesCurrent
    case .membership(let lhs, let list, _): return lhs.usesCurrent || list.contains { $0.usesCurrent }
    case .call(_, let arguments): return arguments.contains { $0.usesCurrent }
    }
  }
}

extension Expression: CustomStringConvertible {
  /// The expression written back in the language, fully parenthesised.
  public var description: String {
    switch self {
    case .number(let value):
      return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    case .string(let text): return "'\(text)'"
    case .boolean(let value): return value ? "true" : "false"
    case .variable(let name): return name
    case .current: return "."
    case .negate(let inner): return "-\(inner)"
    case .not(let inner): return "not \(inner)"
    case .binary(let op, let lhs, let rhs): return "(\(lhs) \(op.rawValue) \(rhs))"
    case .membership(let lhs, let list, let negated):
      return "(\(lhs) \(negated ? "not in" : "in") (\(list.map(\.description).joined(separator: ", "))))"
    case .call(let function, let arguments):
      return "\(function.rawValue)(\(arguments.map(\.description).joined(separator: ", ")))"
    }
  }
}
