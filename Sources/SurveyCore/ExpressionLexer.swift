/// One token of an expression: a number, a string, a name (keywords included) or a symbol.
struct ExpressionToken: Equatable {
  enum Kind: Equatable { case number(Double), string(String), name(String), symbol(String) }
  var kind: Kind
  var text: String
  var position: Int
}

/// Splits expression text into tokens; positions count Unicode scalars from 1.
///
/// The lexer reads Unicode scalars, not Swift `Character`s: a combining mark joins the character
/// before it into one `Character`, so a name starting with a mark (U+073F has the alphabetic
/// property) fused with the `(` a description put before it and did not read back (found by
/// FuzzExpression, fixtures/fuzz/expression/regressions/name-starting-with-combining-mark).
/// A name starts with a letter that is not a mark, or `_`.
enum ExpressionLexer {
  static func tokens(of text: String) throws -> [ExpressionToken] {
    var lexer = Scanner(scalars: Array(text.unicodeScalars))
    var tokens: [ExpressionToken] = []
    while let c = lexer.peek() {
      if c.properties.isWhitespace {
        lexer.i += 1
      } else if let token = try lexer.number() ?? lexer.string() ?? lexer.name() ?? lexer.symbol() {
        tokens.append(token)
      } else {
        throw ExpressionSyntaxError(position: lexer.i + 1, problem: "unexpected character \(Self.shown(c))")
      }
    }
    return tokens
  }

  /// A character for a message: quoted if it prints, else its code point (a lone combining mark
  /// or a control character would join or hide the text around it).
  static func shown(_ c: Unicode.Scalar) -> String {
    if c.properties.isGraphemeExtend || c.properties.generalCategory == .control || c.properties.isWhitespace
      || isMark(c)
    {
      return "U+" + String(c.value, radix: 16, uppercase: true).leftPadded(to: 4)
    }
    return "'\(Character(c))'"
  }

  static func isMark(_ c: Unicode.Scalar) -> Bool {
    switch c.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }

  static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

  /// A scalar a name may start with: a letter that is not a mark, or `_`.
  static func startsName(_ c: Unicode.Scalar) -> Bool {
    c == "_" || (c.properties.isAlphabetic && !isMark(c))
  }

  /// A scalar a name may go on with: letters and marks, digits of any script, `_`.
  static func continuesName(_ c: Unicode.Scalar) -> Bool {
    c == "_" || c.properties.isAlphabetic || isMark(c) || c.properties.numericType != nil
  }

  /// The reading position over the text's scalars; each method reads one kind of token or nothing.
  struct Scanner {
    let scalars: [Unicode.Scalar]
    var i = 0

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
      i + offset < scalars.count ? scalars[i + offset] : nil
    }

    func text(from start: Int) -> String {
      var s = String.UnicodeScalarView()
      s.append(contentsOf: scalars[start..<i])
      return String(s)
    }

    mutating func skip(while test: (Unicode.Scalar) -> Bool) {
      while let c = peek(), test(c) { i += 1 }
    }

    /// Digits with an optional fraction and exponent: `12`, `.5`, `1.5e3`.
    mutating func number() throws -> ExpressionToken? {
      guard let c = peek(), isDigit(c) || (c == "." && peek(1).map(isDigit) == true) else { return nil }
      let start = i
      skip { isDigit($0) || $0 == "." }
      if let e = peek(), e == "e" || e == "E" {
        var j = 1
        if let sign = peek(j), sign == "+" || sign == "-" { j += 1 }
        if let digit = peek(j), isDigit(digit) {
          i += j
          skip(while: isDigit)
        }
      }
      let literal = text(from: start)
      guard let value = Double(literal) else {
        throw ExpressionSyntaxError(position: start + 1, problem: "'\(literal)' is not a number")
      }
      return ExpressionToken(kind: .number(value), text: literal, position: start + 1)
    }

    /// A string in single or double quotes; no escapes.
    mutating func string() throws -> ExpressionToken? {
      guard let quote = peek(), quote == "'" || quote == "\"" else { return nil }
      let start = i
      i += 1
      skip { $0 != quote }
      guard peek() != nil else {
        throw ExpressionSyntaxError(position: start + 1, problem: "the string is not closed")
      }
      i += 1
      let literal = text(from: start)
      let value = String(literal.unicodeScalars.dropFirst().dropLast())
      return ExpressionToken(kind: .string(value), text: literal, position: start + 1)
    }

    /// A name, or `${name}` (XLSForm's way to name a variable), read as the plain name. A `$`
    /// before anything else is an unexpected character (it used to start a name of no
    /// characters, over and over: an endless loop).
    mutating func name() throws -> ExpressionToken? {
      guard let c = peek() else { return nil }
      let start = i
      if c == "$", peek(1) == "{" {
        guard let close = scalars[(i + 2)...].firstIndex(of: "}") else {
          throw ExpressionSyntaxError(position: start + 1, problem: "'${' is not closed")
        }
        i += 2
        let nameStart = i
        i = close
        let name = text(from: nameStart)
        i = close + 1
        return ExpressionToken(kind: .name(name), text: name, position: start + 1)
      }
      guard startsName(c) else { return nil }
      i += 1
      skip(while: continuesName)
      let name = text(from: start)
      return ExpressionToken(kind: .name(name), text: name, position: start + 1)
    }

    /// An operator or punctuation: `== != <= >= < > = + - * / ( ) , .`.
    mutating func symbol() -> ExpressionToken? {
      guard let c = peek() else { return nil }
      if let next = peek(1) {
        let two = String(Character(c)) + String(Character(next))
        if ["==", "!=", "<=", ">="].contains(two) {
          i += 2
          return ExpressionToken(kind: .symbol(two), text: two, position: i - 1)
        }
      }
      guard "<>=+-*/(),.".unicodeScalars.contains(c) else { return nil }
      i += 1
      return ExpressionToken(kind: .symbol(String(Character(c))), text: String(Character(c)), position: i)
    }
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
