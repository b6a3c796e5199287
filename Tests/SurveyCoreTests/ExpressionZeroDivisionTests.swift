import SurveyCore
import Testing

@Suite("Expressions: division by a literal zero")
struct ExpressionZeroDivisionTests {
  @Test("a divisor that is zero whatever the data is found, with its division", arguments: [
    ("x / 0 > 1", "(x / 0)"),
    ("x / (0) > 1", "(x / 0)"),
    ("x / -0 > 1", "(x / 0)"),
    ("x / (1 - 1) > 1", "(x / (1 - 1))"),
    ("x / '0' > 1", "(x / '0')"),
    ("x / (0 * y) > 1", "(x / (0 * y))"),
    ("x / (y * 0.0) > 1", "(x / (y * 0))"),
    ("x / -(0 / y) > 1", "(x / -(0 / y))"),
    ("x / (1 / 0) > 1", "(1 / 0)"),
    ("a == 1 or not (2 + x / (3 - 3) > 1)", "(x / (3 - 3))"),
  ])
  func found(text: String, division: String) throws {
    #expect(try Expression.parse(text).divisionByZero?.description == division)
  }

  @Test("divisors that can be other than zero pass", arguments: [
    "x / 2 > 1", "x / y > 1", "x / (y - 1) > 1", "x / (0 + y) > 1", "0 / x > 1", "x / '2' > 1",
  ])
  func passes(text: String) throws {
    #expect(try Expression.parse(text).divisionByZero == nil)
  }

  @Test("a codebook with a division by zero is refused, naming the key and the division")
  func codebook() {
    let yaml = """
      survey: s
      id: rid
      variables:
        - {name: rid, type: text}
        - {name: x, type: decimal, constraint: ". / (2 - 2) < 10"}
      """
    #expect(throws: CoreError.invalidValue(
      file: "codebook.yml", line: 5, key: "variables[1].constraint",
      problem: "(. / (2 - 2)): divides by zero, so the result never has a value")) { try Codebook.parse(yaml: yaml) }
  }
}
