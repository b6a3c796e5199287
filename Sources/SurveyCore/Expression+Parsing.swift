/// Why an expression could not be parsed, and where (a 1-based character position).
public struct ExpressionSyntaxError: Error, Equatable, Sendable {
  public var position: Int
  public var problem: String

  public var description: String { "at character \(position): \(problem)" }
}

extension Expression {
  /// Parses `text` as an expression.
  ///
  /// - Throws: ``ExpressionSyntaxError`` naming the character position of the problem.
  public static func parse(_ text: String) throws -> Expression {
    var parser = ExpressionParser(tokens: try ExpressionLexer.tokens(of: text))
    let expression = try parser.parseOr()
    if let token = parser.peek {
      throw ExpressionSyntaxError(position: token.position, problem: "unexpected '\(token.text)'")
    }
    return expression
  }
}

struct ExpressionToken: Equatable {
  enum Kind: Equatable { case number(Double), string(String), name(String), symbol(String) }
  var kind: Kind
  var text: String
  var position: Int
}

enum ExpressionLexer {
  static func tokens(of text: String) throws -> [ExpressionToken] {
    let characters = Array(text)
    var tokens: [ExpressionToken] = []
    var i = 0
    while i < characters.count {
      let c = characters[i]
      let start = i
      if c.isWhitespace {
        i += 1
      } else if c.isNumber || (c == "." && i + 1 < characters.count && characters[i + 1].isNumber) {
        while i < characters.count, characters[i].isNumber || characters[i] == "." { i += 1 }
        if i < characters.count, characters[i] == "e" || characters[i] == "E" {
          var j = i + 1
          if j < characters.count, characters[j] == "+" || characters[j] == "-" { j += 1 }
          if j < characters.count, characters[j].isNumber {
            i = j
            while i < characters.count, characters[i].isNumber { i += 1 }
          }
        }
        let literal = String(characters[start..<i])
        guard let value = Double(literal) else {
          throw ExpressionSyntaxError(position: start + 1, problem: "'\(literal)' is not a number")
        }
        tokens.append(ExpressionToken(kind: .number(value), text: literal, position: start + 1))
      } else if c == "'" || c == "\"" {
        i += 1
        var value = ""
        while i < characters.count, characters[i] != c {
          value.append(characters[i])
          i += 1
        }
        guard i < characters.count else {
          throw ExpressionSyntaxError(position: start + 1, problem: "the string is not closed")
        }
        i += 1
        tokens.append(ExpressionToken(kind: .string(value), text: String(characters[start..<i]), position: start + 1))
      } else if c.isLetter || c == "_" || c == "$" {
        // `${name}` is XLSForm's way to name a variable; accept it as the plain name.
        if c == "$", i + 1 < characters.count, characters[i + 1] == "{" {
          guard let close = characters[(i + 2)...].firstIndex(of: "}") else {
            throw ExpressionSyntaxError(position: start + 1, problem: "'${' is not closed")
          }
          let name = String(characters[(i + 2)..<close])
          i = close + 1
          tokens.append(ExpressionToken(kind: .name(name), text: name, position: start + 1))
          continue
        }
        while i < characters.count, characters[i].isLetter || characters[i].isNumber || characters[i] == "_" {
          i += 1
        }
        let name = String(characters[start..<i])
        tokens.append(ExpressionToken(kind: .name(name), text: name, position: start + 1))
      } else {
        let two = i + 1 < characters.count ? String(characters[i...(i + 1)]) : ""
        if ["==", "!=", "<=", ">="].contains(two) {
          tokens.append(ExpressionToken(kind: .symbol(two), text: two, position: start + 1))
          i += 2
        } else if "<>=+-*/(),.".contains(c) {
          tokens.append(ExpressionToken(kind: .symbol(String(c)), text: String(c), position: start + 1))
          i += 1
        } else {
          throw ExpressionSyntaxError(position: start + 1, problem: "unexpected character '\(c)'")
        }
      }
    }
    return tokens
  }
}

struct ExpressionParser {
  var tokens: [ExpressionToken]
  var index = 0

  var peek: ExpressionToken? { index < tokens.count ? tokens[index] : nil }

  mutating func next() -> ExpressionToken? {
    defer { index += 1 }
    return peek
  }

  func isSymbol(_ symbol: String) -> Bool { peek?.kind == .symbol(symbol) }
  func isWord(_ word: String) -> Bool { peek?.kind == .name(word) }

  var endPosition: Int { (tokens.last.map { $0.position + $0.text.count }) ?? 1 }

  mutating func expect(_ symbol: String) throws {
    guard isSymbol(symbol) else {
      throw ExpressionSyntaxError(
        position: peek?.position ?? endPosition,
        problem: peek.map { "expected '\(symbol)', found '\($0.text)'" } ?? "expected '\(symbol)' at the end")
    }
    index += 1
  }

  mutating func parseOr() throws -> Expression {
    var lhs = try parseAnd()
    while isWord("or") {
      index += 1
      lhs = .binary(.or, lhs, try parseAnd())
    }
    return lhs
  }

  mutating func parseAnd() throws -> Expression {
    var lhs = try parseNot()
    while isWord("and") {
      index += 1
      lhs = .binary(.and, lhs, try parseNot())
    }
    return lhs
  }

  mutating func parseNot() throws -> Expression {
    if isWord("not") {
      index += 1
      return .not(try parseNot())
    }
    return try parseComparison()
  }

  mutating func parseComparison() throws -> Expression {
    let lhs = try parseAdditive()
    if case .symbol(let symbol) = peek?.kind, ["==", "=", "!=", "<", "<=", ">", ">="].contains(symbol) {
      index += 1
      let op = Expression.BinaryOperator(rawValue: symbol == "=" ? "==" : symbol)!
      return .binary(op, lhs, try parseAdditive())
    }
    var negated = false
    if isWord("not"), index + 1 < tokens.count, tokens[index + 1].kind == .name("in") {
      negated = true
      index += 1
    }
    if isWord("in") {
      index += 1
      try expect("(")
      var list: [Expression] = [try parseAdditive()]
      while isSymbol(",") {
        index += 1
        list.append(try parseAdditive())
      }
      try expect(")")
      return .membership(lhs, list, negated: negated)
    }
    return lhs
  }

  mutating func parseAdditive() throws -> Expression {
    var lhs = try parseMultiplicative()
    while isSymbol("+") || isSymbol("-") {
      let op: Expression.BinaryOperator = next()!.text == "+" ? .add : .subtract
      lhs = .binary(op, lhs, try parseMultiplicative())
    }
    return lhs
  }

  mutating func parseMultiplicative() throws -> Expression {
    var lhs = try parseUnary()
    while isSymbol("*") || isSymbol("/") {
      let op: Expression.BinaryOperator = next()!.text == "*" ? .multiply : .divide
      lhs = .binary(op, lhs, try parseUnary())
    }
    return lhs
  }

  mutating func parseUnary() throws -> Expression {
    if isSymbol("-") {
      index += 1
      let inner = try parseUnary()
      if case .number(let value) = inner { return .number(-value) }
      return .negate(inner)
    }
    return try parsePrimary()
  }

  mutating func parsePrimary() throws -> Expression {
    guard let token = next() else {
      throw ExpressionSyntaxError(position: endPosition, problem: "the expression ends too early")
    }
    switch token.kind {
    case .number(let value): return .number(value)
    case .string(let text): return .string(text)
    case .symbol("("):
      let inner = try parseOr()
      try expect(")")
      return inner
    case .symbol("."): return .current
    case .name(let name):
      if name == "true" { return .boolean(true) }
      if name == "false" { return .boolean(false) }
      if ["and", "or", "not", "in"].contains(name) {
        throw ExpressionSyntaxError(position: token.position, problem: "unexpected '\(name)'")
      }
      guard isSymbol("(") else { return .variable(name) }
      guard let function = Expression.Function(rawValue: name) else {
        throw ExpressionSyntaxError(
          position: token.position,
          problem: "unknown function '\(name)' (known: missing, present, selected)")
      }
      index += 1
      var arguments: [Expression] = []
      if !isSymbol(")") {
        arguments.append(try parseOr())
        while isSymbol(",") {
          index += 1
          arguments.append(try parseOr())
        }
      }
      try expect(")")
      guard arguments.count == function.arity else {
        throw ExpressionSyntaxError(
          position: token.position,
          problem: "\(name)() takes \(function.arity) argument\(function.arity == 1 ? "" : "s"), found \(arguments.count)")
      }
      switch arguments[0] {
      case .variable, .current: break
      default:
        throw ExpressionSyntaxError(position: token.position, problem: "\(name)() takes a variable name first")
      }
      return .call(function, arguments)
    case .symbol(let symbol):
      throw ExpressionSyntaxError(position: token.position, problem: "unexpected '\(symbol)'")
    }
  }
}
