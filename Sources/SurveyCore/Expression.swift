/// An expression of the codebook and pipeline language: skip logic (`relevant:`), constraints,
/// filters and derived variables.
///
/// The language has number and string literals, variable names, `.` for the variable being
/// checked, `== != < <= > >=` (and `=` as in XLSForm), `and or not`, `in (…)`, `+ - * /`,
/// parentheses, and the functions `missing(x)`, `present(x)`, `selected(x, code)`,
/// `count_selected(x)` and `string_length(x)`.
/// Parse once with ``Expression/parse(_:)``; evaluate column-wise with ``Expression/evaluate(in:current:)``.
///
/// A chain `a or b or c` is one ``or(_:)`` node with three operands, so long chains stay shallow;
/// the parser refuses anything nested deeper than ``maximumDepth`` (see `Expression+Parsing.swift`),
/// which keeps every recursive walk of the tree, its destruction included, far from the stack's end.
public indirect enum Expression: Sendable, Equatable {
  case number(Double)
  case string(String)
  case boolean(Bool)
  case variable(String)
  /// `.`: the variable the expression belongs to.
  case current
  case negate(Expression)
  case not(Expression)
  /// `a and b and …`: two or more operands, none of them itself an `and`.
  case and([Expression])
  /// `a or b or …`: two or more operands, none of them itself an `or`.
  case or([Expression])
  case binary(BinaryOperator, Expression, Expression)
  case membership(Expression, [Expression], negated: Bool)
  case call(Function, [Expression])

  /// The comparison and arithmetic operators between two operands; the raw value is how
  /// descriptions write them. (`and` and `or` take any number of operands: ``and(_:)``, ``or(_:)``.)
  public enum BinaryOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<="
    case greater = ">", greaterOrEqual = ">="
    case add = "+", subtract = "-", multiply = "*", divide = "/"

    /// True for `== != < <= > >=`.
    public var isComparison: Bool {
      switch self {
      case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return true
      case .add, .subtract, .multiply, .divide: return false
      }
    }
  }

  /// The functions of the language: the conditions `missing(x)`, `present(x)`,
  /// `selected(x, code)`, and the numbers `count_selected(x)` (the options chosen in a
  /// multiple-choice answer) and `string_length(x)` (the characters of a text), XLSForm's
  /// `count-selected()` and `string-length()`; both are missing where x is.
  public enum Function: String, Sendable, CaseIterable {
    case missing, present, selected
    case countSelected = "count_selected"
    case stringLength = "string_length"

    var arity: Int { self == .selected ? 2 : 1 }

    /// True for the functions whose value is a number rather than a truth.
    public var isNumeric: Bool { self == .countSelected || self == .stringLength }
  }

  /// The operands directly below this node, left to right.
  public var children: [Expression] {
    switch self {
    case .number, .string, .boolean, .variable, .current: return []
    case .negate(let inner), .not(let inner): return [inner]
    case .and(let items), .or(let items): return items
    case .binary(_, let lhs, let rhs): return [lhs, rhs]
    case .membership(let lhs, let list, _): return [lhs] + list
    case .call(_, let arguments): return arguments
    }
  }

  /// The names of the variables the expression reads, in order of first use.
  public var variables: [String] {
    var names: [String] = []
    var seen: Set<String> = []
    forEachNode { node in
      if case .variable(let name) = node, seen.insert(name).inserted { names.append(name) }
    }
    return names
  }

  /// True when the expression refers to `.`.
  public var usesCurrent: Bool {
    var found = false
    forEachNode { node in
      if case .current = node { found = true }
    }
    return found
  }

  /// Calls `body` on every node, parents before their children, left to right.
  public func forEachNode(_ body: (Expression) -> Void) {
    let none: Void? = firstResult { node in
      body(node)
      return nil
    }
    _ = none
  }

  /// The first non-nil `transform` of a node, visiting parents before their children, left to
  /// right, without recursion (so it is safe on any tree, however it was built).
  public func firstResult<T>(_ transform: (Expression) -> T?) -> T? {
    var pending: [Expression] = [self]
    while let node = pending.popLast() {
      if let result = transform(node) { return result }
      pending.append(contentsOf: node.children.reversed())
    }
    return nil
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
    case .not(let inner): return "(not \(inner))"
    case .and(let items): return "(\(items.map(\.description).joined(separator: " and ")))"
    case .or(let items): return "(\(items.map(\.description).joined(separator: " or ")))"
    case .binary(let op, let lhs, let rhs): return "(\(lhs) \(op.rawValue) \(rhs))"
    case .membership(let lhs, let list, let negated):
      return "(\(lhs) \(negated ? "not in" : "in") (\(list.map(\.description).joined(separator: ", "))))"
    case .call(let function, let arguments):
      return "\(function.rawValue)(\(arguments.map(\.description).joined(separator: ", ")))"
    }
  }

  /// The description cut to about `limit` characters (`…` and the full length mark a cut), for
  /// messages that quote an expression which may be very long.
  public func excerpt(limit: Int = 120) -> String {
    Self.excerpt(of: description, limit: limit)
  }

  /// `text` cut to about `limit` characters, with `…` and the full length where it was cut.
  static func excerpt(of text: String, limit: Int) -> String {
    guard text.count > limit else { return text }
    return "\(text.prefix(max(limit, 1)))… (\(text.count) characters)"
  }
}
