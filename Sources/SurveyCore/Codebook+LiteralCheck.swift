extension Codebook {
  /// A comparison whose outcome the codebook's types decide before any data is read, found
  /// anywhere in `expression`, as a message naming the offending sub-expression:
  /// - a literal that is not a code of a categorical or multiple variable (a label written for a
  ///   code, `sex == 'Male'`): never true;
  /// - text that is not a number compared with a number (`age == 'abc'`, `age + 1 > 'x'`), text
  ///   that is not a date compared with a date, text in arithmetic (`age + 'x'`), a number
  ///   ordered against text codes: never true or false;
  /// - a multiple-choice variable compared (only `selected()` tests one), or `selected()` on a
  ///   variable that is not multiple-choice: never known, or never true.
  ///
  /// - Parameters:
  ///   - current: the variable `.` stands for.
  ///   - lookup: finds a variable by name (a dictionary when checking a whole codebook);
  ///     ``variable(named:)`` by default.
  func literalProblem(
    in expression: Expression, current: Variable, lookup: ((String) -> Variable?)? = nil
  ) -> String? {
    let find = lookup ?? { self.variable(named: $0) }
    return expression.firstResult { node in
      literalProblem(at: node, current: current, lookup: find).map { "\(node.excerpt()): \($0)" }
    }
  }

  /// What is wrong with `node` itself (not its operands).
  func literalProblem(at node: Expression, current: Variable, lookup: (String) -> Variable?) -> String? {
    func subject(_ side: Expression) -> Variable? {
      switch side {
      case .variable(let name): return lookup(name)
      case .current: return current
      default: return nil
      }
    }
    switch node {
    case .binary(let op, let lhs, let rhs) where op.isComparison:
      return Self.comparisonProblem(subject(lhs), lhs, rhs, ordered: !op.isEquality)
        ?? Self.comparisonProblem(subject(rhs), rhs, lhs, ordered: !op.isEquality)
    case .binary(_, let lhs, let rhs):
      for case .string(let text) in [lhs, rhs] where Double(text) == nil {
        return "'\(text)' is not a number, so the result never has a value"
      }
      return nil
    case .membership(let lhs, let list, _):
      for item in list {
        if let problem = Self.comparisonProblem(subject(lhs), lhs, item, ordered: false) { return problem }
      }
      return nil
    case .call(.countSelected, let arguments):
      guard let variable = subject(arguments[0]), variable.type != .multiple else { return nil }
      return "count_selected() counts the options of a multiple-choice variable, and \(variable.name) is \(variable.type.rawValue)"
    case .call(.selected, let arguments):
      guard let variable = subject(arguments[0]) else { return nil }
      guard variable.type == .multiple else {
        return "selected() tests a multiple-choice variable, and \(variable.name) is "
          + "\(variable.type.rawValue), so it is never true (compare it with ==)"
      }
      return Self.codeProblem(variable, arguments[1])
    default:
      return nil
    }
  }

  /// What is wrong with comparing `side` (the variable `variable`, when it is one) with `other`.
  static func comparisonProblem(_ variable: Variable?, _ side: Expression, _ other: Expression, ordered: Bool)
    -> String?
  {
    let text: String? = { if case .string(let text) = other { return text } else { return nil } }()
    let isNumberText = text.map { Double($0) != nil } ?? true
    guard let variable else {
      guard side.isNumberValued, !isNumberText, let text else { return nil }
      return "'\(text)' is not a number, and the other side is, so the comparison is never true or false"
    }
    let never = "so the comparison is never true or false"
    switch variable.type {
    case .multiple:
      return "\(variable.name) is a multiple-choice variable, which no comparison can test: "
        + "use selected(\(variable.name), code)"
    case .integer, .decimal:
      guard let text, !isNumberText else { return nil }
      return "\(variable.name) is \(variable.type.rawValue) and '\(text)' is not a number, \(never)"
    case .date:
      guard let text, !isNumberText, DateFormat.iso.parse(text) == nil else { return nil }
      return "\(variable.name) is a date and '\(text)' is not a date (yyyy-MM-dd), \(never)"
    case .datetime:
      guard let text, !isNumberText else { return nil }
      return "\(variable.name) is a date and time, which compares with another date and time, not '\(text)', \(never)"
    case .categorical:
      guard ordered else { return codeProblem(variable, other) }
      let codes = variable.codes.map(\.code)
      let listed = codes.joined(separator: ", ")
      if let text, !isNumberText, codes.allSatisfy({ Double($0) != nil }) {
        return "\(variable.name) has number codes (\(listed)) and '\(text)' is text: compare it with a code"
      }
      if case .number = other, !codes.contains(where: { Double($0) != nil }) {
        return "\(variable.name) has text codes (\(listed)), which have no order against a number, \(never)"
      }
      return nil
    case .text:
      return nil
    }
  }

  /// A literal that is not one of the codes of `variable`: `sex == 'Male'` is never true.
  static func codeProblem(_ variable: Variable, _ value: Expression) -> String? {
    let code: String
    switch value {
    case .string(let text): code = text
    case .number(let number): code = NumberFormatting.string(number)
    default: return nil
    }
    let codes = variable.codes.map(\.code)
    let matches = codes.contains(code) || codes.contains { Double($0) != nil && Double($0) == Double(code) }
    return matches ? nil : "'\(code)' is not a code of \(variable.name) (its codes: \(codes.joined(separator: ", ")))"
  }
}

extension Expression {
  /// True for sub-expressions whose value is a number whatever the data: number literals,
  /// negations, arithmetic and the numeric functions.
  var isNumberValued: Bool {
    switch self {
    case .number, .negate: return true
    case .binary(let op, _, _): return !op.isComparison
    case .call(let function, _): return function.isNumeric
    default: return false
    }
  }
}

extension Expression.BinaryOperator {
  /// True for `==` and `!=`.
  var isEquality: Bool { self == .equal || self == .notEqual }
}
