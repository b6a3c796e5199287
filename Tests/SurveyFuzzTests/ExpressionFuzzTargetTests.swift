import SurveyCore
import Testing

@testable import SurveyFuzz

@Suite("Expression fuzz target: checks")
struct ExpressionFuzzTargetTests {
  @Test("a description that parses back to the expression passes; one that does not is reported")
  func writtenBack() throws {
    #expect(ExpressionFuzzTarget.writtenBackViolations(try Expression.parse("a in (1, 'x') and -b < 2")) == [])
    #expect(ExpressionFuzzTarget.writtenBackViolations(.binary(.less, .number(1), .and([.variable("a"), .variable("b")]))) == [])
    // An `and` of one item is written as `(a)`, which reads back as the item alone.
    #expect(ExpressionFuzzTarget.writtenBackViolations(.and([.variable("a")])).count == 1)
  }

  @Test("what the language cannot write is not checked", arguments: [
    (Expression.string("it's"), false), (.string("say \"hi\""), true), (.variable("a b"), false),
    (.variable("in"), false), (.variable("_x1"), true), (.number(.infinity), false), (.number(-2.5), true),
  ])
  func writable(expression: Expression, writable: Bool) {
    #expect(ExpressionFuzzTarget.writable(expression) == writable)
  }

  @Test("syntax errors inside the text and evaluation over the Moldova table pass")
  func inputs() throws {
    let target = try ExpressionFuzzTarget()
    #expect(target.violations(of: Array("age >= 18 and ghost == 1".utf8)) == [])
    #expect(target.violations(of: Array("age >=".utf8)) == [])
    #expect(target.violations(of: Array("selected(symptoms, 'pain')".utf8)) == [])
  }
}
