/// The expression parser: operator precedence with explicit stacks, no recursion.
///
/// Finished sub-expressions wait on `operands`; operators and open brackets wait on `pending`. An
/// operator is applied when one that binds less tightly arrives, or a closing bracket, or the
/// end. From loosest to tightest: `or`, `and`, `not`, comparisons and `in`, `+ -`, `* /`, unary
/// `-`. A comparison takes no comparison as an operand (`a == b == c` is an error), `in (…)` lists
/// hold sums and products only, and `not` starts a condition (after `and`, `or`, `not`, `(` or a
/// function's `,`). Every node records the depth of its tree, so nothing deeper than
/// ``Expression/maximumDepth`` is ever built.
struct ExpressionParser {
  /// A finished sub-expression and the depth of its tree (a leaf is 1).
  struct Operand {
    var expression: Expression
    var depth: Int
  }

  enum Bracket {
    case group
    case call(Expression.Function, name: String)
    case list(negated: Bool)
  }

  /// An operator waiting for its right operand, or an open bracket.
  enum Pending {
    case not(position: Int)
    case negate(position: Int)
    case binary(Expression.BinaryOperator, position: Int)
    /// An `or` or `and` chain whose operands start at `base` on the operand stack.
    case chain(isOr: Bool, base: Int, position: Int)
    /// An open bracket; a call's arguments or a list's items start at `base`.
    case bracket(Bracket, base: Int, position: Int)

    /// How tightly the operator binds; brackets (0) stop every reduction.
    var precedence: Int {
      switch self {
      case .bracket: return 0
      case .chain(let isOr, _, _): return isOr ? 1 : 2
      case .not: return 3
      case .binary(let op, _): return ExpressionParser.precedence(of: op)
      case .negate: return 7
      }
    }
  }

  static let comparisons: [String: Expression.BinaryOperator] = [
    "==": .equal, "=": .equal, "!=": .notEqual, "<": .less, "<=": .lessOrEqual, ">": .greater,
    ">=": .greaterOrEqual,
  ]
  static let arithmetic: [String: Expression.BinaryOperator] = [
    "+": .add, "-": .subtract, "*": .multiply, "/": .divide,
  ]

  static func precedence(of op: Expression.BinaryOperator) -> Int {
    switch op {
    case .add, .subtract: return 5
    case .multiply, .divide: return 6
    default: return 4
    }
  }

  let tokens: [ExpressionToken]
  var index = 0
  var operands: [Operand] = []
  var pending: [Pending] = []
  /// The open brackets, innermost last.
  var brackets: [Bracket] = []
  /// True right after an `in (…)` list closed: only `and`, `or`, `,` or `)` may follow.
  var closedList = false

  init(tokens: [ExpressionToken]) {
    self.tokens = tokens
  }

  var peek: ExpressionToken? { index < tokens.count ? tokens[index] : nil }
  var endPosition: Int { (tokens.last.map { $0.position + $0.text.unicodeScalars.count }) ?? 1 }

  mutating func next() -> ExpressionToken? {
    defer { index += 1 }
    return peek
  }

  func isSymbol(_ symbol: String) -> Bool { peek?.kind == .symbol(symbol) }

  mutating func parse() throws -> Expression {
    var expectsOperand = true
    while true {
      if expectsOperand {
        expectsOperand = try readOperand()
      } else if let token = next() {
        expectsOperand = try readOperator(token)
      } else {
        break
      }
    }
    try reduce(downTo: 1)
    guard brackets.isEmpty, operands.count == 1, let result = operands.first else {
      throw ExpressionSyntaxError(position: endPosition, problem: "expected ')' at the end")
    }
    return result.expression
  }

  /// Reads a token where an operand must start; returns whether an operand is still expected.
  mutating func readOperand() throws -> Bool {
    guard let token = next() else {
      throw ExpressionSyntaxError(position: endPosition, problem: "the expression ends too early")
    }
    switch token.kind {
    case .number(let value): try push(.number(value), depth: 1, at: token.position)
    case .string(let text): try push(.string(text), depth: 1, at: token.position)
    case .symbol("."): try push(.current, depth: 1, at: token.position)
    case .symbol("("):
      try open(.group, at: token.position)
      return true
    case .symbol("-"):
      pending.append(.negate(position: token.position))
      return true
    case .symbol(let symbol):
      throw ExpressionSyntaxError(position: token.position, problem: "unexpected '\(symbol)'")
    case .name("true"), .name("false"):
      try push(.boolean(token.kind == .name("true")), depth: 1, at: token.position)
    case .name("not") where startsCondition:
      pending.append(.not(position: token.position))
      return true
    case .name(let name):
      if ["and", "or", "not", "in"].contains(name) {
        throw ExpressionSyntaxError(position: token.position, problem: "unexpected '\(name)'")
      }
      guard isSymbol("(") else {
        try push(.variable(name), depth: 1, at: token.position)
        return false
      }
      return try openCall(name, at: token.position)
    }
    return false
  }

  /// True when the innermost open bracket is an `in (…)` list.
  var insideList: Bool {
    if case .list = brackets.last { return true }
    return false
  }

  /// True where `not` may start: at the beginning, after `(`, a function's `,`, `and`, `or` or `not`.
  var startsCondition: Bool {
    switch pending.last {
    case nil, .chain, .not, .bracket(.group, _, _), .bracket(.call, _, _): return true
    case .negate, .binary, .bracket(.list, _, _): return false
    }
  }

  /// Reads a token after a complete operand; returns whether an operand is expected next.
  mutating func readOperator(_ token: ExpressionToken) throws -> Bool {
    let afterList = closedList
    closedList = false
    let inList = insideList
    switch token.kind {
    case .name("or"), .name("and"):
      guard !inList else { throw misplaced(token) }
      let isOr = token.kind == .name("or")
      try reduce(downTo: isOr ? 2 : 3)
      if case .chain(isOr, _, _) = pending.last { return true }
      pending.append(.chain(isOr: isOr, base: operands.count - 1, position: token.position))
      return true
    case .symbol(let symbol) where Self.comparisons[symbol] != nil:
      guard !inList, !afterList else { throw misplaced(token) }
      try startComparison(token)
      pending.append(.binary(Self.comparisons[symbol]!, position: token.position))
      return true
    case .symbol(let symbol) where Self.arithmetic[symbol] != nil:
      guard !afterList else { throw misplaced(token) }
      let op = Self.arithmetic[symbol]!
      try reduce(downTo: Self.precedence(of: op))
      pending.append(.binary(op, position: token.position))
      return true
    case .name("in"), .name("not"):
      let negated = token.kind == .name("not")
      guard !inList, !afterList, !negated || peek?.kind == .name("in") else { throw misplaced(token) }
      try startComparison(token)
      if negated { index += 1 }
      try expect("(")
      try open(.list(negated: negated), at: token.position)
      return true
    case .symbol(","):
      try reduce(downTo: 1)
      switch brackets.last {
      case .call, .list: return true
      case .group, nil: throw misplaced(token)
      }
    case .symbol(")"):
      guard !brackets.isEmpty else { throw misplaced(token) }
      try reduce(downTo: 1)
      try close()
      return false
    default:
      throw misplaced(token)
    }
  }

  /// Applies the sums and products before a comparison or `in`, which cannot follow another one.
  mutating func startComparison(_ token: ExpressionToken) throws {
    try reduce(downTo: 5)
    if case .binary(let op, _) = pending.last, op.isComparison { throw misplaced(token) }
  }

  /// A token that cannot come where it is: `unexpected` at the top, `expected ')'` inside brackets.
  func misplaced(_ token: ExpressionToken) -> ExpressionSyntaxError {
    ExpressionSyntaxError(
      position: token.position,
      problem: brackets.isEmpty ? "unexpected '\(token.text)'" : "expected ')', found '\(token.text)'")
  }

  mutating func expect(_ symbol: String) throws {
    guard isSymbol(symbol) else {
      throw ExpressionSyntaxError(
        position: peek?.position ?? endPosition,
        problem: peek.map { "expected '\(symbol)', found '\($0.text)'" } ?? "expected '\(symbol)' at the end")
    }
    index += 1
  }
}
