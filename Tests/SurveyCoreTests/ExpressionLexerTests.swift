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
}
