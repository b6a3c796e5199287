@testable import SurveyCore
import Testing

@Suite("Expressions: the lexer")
struct ExpressionLexerTests {
  /// Found by FuzzExpression (fixtures/fuzz/expression/regressions/dollar-without-brace): a `$`
  /// not followed by `{` made the lexer loop forever, appending empty names.
  @Test("a $ that does not open ${name} is an unexpected character", arguments: [
    ("s$ex == 2", 2), ("$", 1), ("a == $x", 6), ("${a} == $", 9),
  ])
  func dollar(text: String, position: Int) {
    #expect(throws: ExpressionSyntaxError(position: position, problem: "unexpected character '$'")) {
      try Expression.parse(text)
    }
  }

  @Test("${name} is the plain name")
  func braced() throws {
    #expect(try ExpressionLexer.tokens(of: "${age}").map(\.kind) == [.name("age")])
  }

  /// Found by FuzzExpression (regressions/name-starting-with-combining-mark): U+073F (a combining
  /// mark with the alphabetic property) started a name, and the description's `(` fused with it
  /// into one Character, so `((\u{073F}a - 1) - ag)` did not read back.
  @Test("a name may not start with a combining mark", arguments: ["\u{073F}a - 1 - ag", "x == \u{0301}b"])
  func combiningMarkFirst(text: String) {
    let position = text.hasPrefix("x") ? 6 : 1
    let code = text.hasPrefix("x") ? "U+0301" : "U+073F"
    #expect(throws: ExpressionSyntaxError(position: position, problem: "unexpected character \(code)")) {
      try Expression.parse(text)
    }
  }

  @Test("marks and digits of any script may follow a name's first letter")
  func marksInsideNames() throws {
    #expect(try ExpressionLexer.tokens(of: "e\u{0301}tat_\u{0663} + 1").map(\.kind) == [
      .name("e\u{0301}tat_\u{0663}"), .symbol("+"), .number(1),
    ])
  }

  @Test("positions count Unicode scalars, so a decomposed accent counts two")
  func positions() throws {
    let tokens = try ExpressionLexer.tokens(of: "'e\u{0301}' != x1")
    #expect(tokens.map(\.position) == [1, 6, 9])
    #expect(tokens.first?.kind == .string("e\u{0301}"))
  }

  @Test("a string after a combining mark keeps its quote", arguments: ["a == '\u{073F}x'"])
  func markAfterQuote(text: String) throws {
    let expression = try Expression.parse(text)
    #expect(try Expression.parse(expression.description).description == expression.description)
  }

  /// Found by FuzzExpression (regressions/unclosed-after-combining-mark): the end of the text was
  /// placed by the last token's `Character` count, one short of its scalars, so a missing `)` after
  /// a name holding a combining mark was reported inside the text, not at its end.
  @Test("a problem at the end of the text is placed after its last scalar")
  func endAfterCombiningMark() {
    let text = "-(cost * e\u{0610}_x"
    #expect(text.unicodeScalars.count == 13)
    do {
      _ = try Expression.parse(text)
      Issue.record("an unclosed parenthesis parsed")
    } catch let error as ExpressionSyntaxError {
      #expect(error.position == 14)
    } catch {
      Issue.record("\(error)")
    }
  }
}
