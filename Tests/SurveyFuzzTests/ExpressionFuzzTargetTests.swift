import SurveyCore
import Testing

@testable import SurveyFuzz

@Suite("Expression fuzz target: checks")
struct ExpressionFuzzTargetTests {
  @Test("a description that parses back to itself passes; one that does not parse is reported")
  func writtenBack() throws {
    #expect(ExpressionFuzzTarget.writtenBackViolations(try Expression.parse("a in (1, 'x') and -b < 2")) == [])
    // A name the language cannot write: the description does not parse.
    #expect(ExpressionFuzzTarget.writtenBackViolations(.variable("a b")).count == 1)
  }

  @Test("syntax errors inside the text and evaluation over the Moldova table pass")
  func inputs() throws {
    let target = try ExpressionFuzzTarget()
    #expect(target.violations(of: Array("age >= 18 and ghost == 1".utf8)) == [])
    #expect(target.violations(of: Array("age >=".utf8)) == [])
    #expect(target.violations(of: Array("selected(symptoms, 'pain')".utf8)) == [])
  }
}
