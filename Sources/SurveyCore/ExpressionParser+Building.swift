extension ExpressionParser {
  /// Puts a finished sub-expression on the operand stack, unless it nests too deep.
  mutating func push(_ expression: Expression, depth: Int, at position: Int) throws {
    guard depth <= Expression.maximumDepth else {
      throw ExpressionSyntaxError(
        position: position,
        problem: "operators nest more than \(Expression.maximumDepth) deep here (the limit); each term of a long "
          + "sum or product, each 'not', '-' or function inside another counts one level, a whole chain of 'or' "
          + "or 'and' one")
    }
    operands.append(Operand(expression: expression, depth: depth))
  }

  /// Opens a bracket, unless too many are open already.
  mutating func open(_ bracket: Bracket, at position: Int) throws {
    guard brackets.count < Expression.maximumDepth else {
      throw ExpressionSyntaxError(
        position: position,
        problem: "parentheses nest more than \(Expression.maximumDepth) deep here (the limit)")
    }
    pending.append(.bracket(bracket, base: operands.count, position: position))
    brackets.append(bracket)
  }

  /// Opens the call of the function `name` (the next token is its `(`).
  mutating func openCall(_ name: String, at position: Int) throws -> Bool {
    guard let function = Expression.Function(rawValue: name) else {
      throw ExpressionSyntaxError(
        position: position,
        problem: "unknown function '\(name)' (known: \(Expression.Function.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    index += 1
    if isSymbol(")") { throw Self.arityError(function, found: 0, at: position) }
    try open(.call(function, name: name), at: position)
    return true
  }

  static func arityError(_ function: Expression.Function, found: Int, at position: Int) -> ExpressionSyntaxError {
    let arity = function.arity
    return ExpressionSyntaxError(
      position: position,
      problem: "\(function.rawValue)() takes \(arity) argument\(arity == 1 ? "" : "s"), found \(found)")
  }

  /// Applies the waiting operators that bind at least as tightly as `minimum`, down to the
  /// innermost open bracket.
  mutating func reduce(downTo minimum: Int) throws {
    while let top = pending.last, top.precedence >= minimum, top.precedence > 0 {
      pending.removeLast()
      try apply(top)
    }
  }

  mutating func apply(_ operation: Pending) throws {
    switch operation {
    case .not(let position):
      let operand = operands.removeLast()
      try push(.not(operand.expression), depth: operand.depth + 1, at: position)
    case .negate(let position):
      let operand = operands.removeLast()
      if case .number(let value) = operand.expression {
        try push(.number(-value), depth: operand.depth, at: position)
      } else {
        try push(.negate(operand.expression), depth: operand.depth + 1, at: position)
      }
    case .binary(let op, let position):
      let rhs = operands.removeLast()
      let lhs = operands.removeLast()
      try push(.binary(op, lhs.expression, rhs.expression), depth: max(lhs.depth, rhs.depth) + 1, at: position)
    case .chain(let isOr, let base, let position):
      try applyChain(isOr: isOr, base: base, at: position)
    case .bracket:
      break
    }
  }

  /// Joins the operands of an `or` (`and`) chain into one node; an operand that is itself an
  /// `or` (`and`), written in parentheses, gives its operands to the chain.
  mutating func applyChain(isOr: Bool, base: Int, at position: Int) throws {
    var items: [Expression] = []
    var depth = 0
    for operand in operands[base...] {
      switch (isOr, operand.expression) {
      case (true, .or(let inner)), (false, .and(let inner)):
        items.append(contentsOf: inner)
        depth = max(depth, operand.depth)
      default:
        items.append(operand.expression)
        depth = max(depth, operand.depth + 1)
      }
    }
    operands.removeSubrange(base...)
    try push(isOr ? .or(items) : .and(items), depth: depth, at: position)
  }

  /// Closes the innermost bracket, whose contents are reduced to operands.
  mutating func close() throws {
    guard case .bracket(let bracket, let base, let position) = pending.popLast() else {
      preconditionFailure("a closing bracket is reduced down to its opening one")
    }
    brackets.removeLast()
    switch bracket {
    case .group:
      break  // parentheses add no node: the operand inside stays
    case .call(let function, _):
      let arguments = operands[base...]
      guard arguments.count == function.arity else {
        throw Self.arityError(function, found: arguments.count, at: position)
      }
      switch arguments.first?.expression {
      case .variable, .current: break
      default:
        throw ExpressionSyntaxError(position: position, problem: "\(function.rawValue)() takes a variable name first")
      }
      let depth = (arguments.map(\.depth).max() ?? 0) + 1
      let call = Expression.call(function, arguments.map(\.expression))
      operands.removeSubrange(base...)
      try push(call, depth: depth, at: position)
    case .list(let negated):
      let lhs = operands[base - 1]
      let items = operands[base...]
      let depth = max(lhs.depth, items.map(\.depth).max() ?? 0) + 1
      let membership = Expression.membership(lhs.expression, items.map(\.expression), negated: negated)
      operands.removeSubrange((base - 1)...)
      try push(membership, depth: depth, at: position)
      closedList = true
    }
  }
}
