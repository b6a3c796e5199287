/// One token of an expression: a number, a string, a name (keywords included) or a symbol.
struct ExpressionToken: Equatable {
  enum Kind: Equatable { case number(Double), string(String), name(String), symbol(String) }
  var kind: Kind
  var text: String
  var position: Int
}

/// Splits expression text into tokens; positions count characters from 1.
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
      } else if c.isLetter || c == "_" || (c == "$" && i + 1 < characters.count && characters[i + 1] == "{") {
        // `${name}` is XLSForm's way to name a variable; accept it as the plain name. A `$` before
        // anything else is an unexpected character (it used to start a name of no characters,
        // over and over: an endless loop).
        if c == "$" {
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
