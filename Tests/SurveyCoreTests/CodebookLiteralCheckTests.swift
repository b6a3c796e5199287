import SurveyCore
import Testing

@Suite("Codebook: comparisons the types decide")
struct CodebookLiteralCheckTests {
  /// A codebook whose last variable `q` has `relevant: <expression>` (line 12).
  func codebook(relevant expression: String) throws -> Codebook {
    try Codebook.parse(
      yaml: """
        survey: s
        id: rid
        variables:
          - {name: rid, type: text}
          - {name: age, type: integer}
          - {name: income, type: decimal}
          - {name: sex, type: categorical, codes: {1: Male, 2: Female}}
          - {name: dest, type: categorical, codes: {RU: Russia, IT: Italy}}
          - {name: when, type: date}
          - {name: name, type: text}
          - {name: symptoms, type: multiple, codes: {fever: Fever, cough: Cough}}
          - {name: q, type: integer, relevant: "\(expression)"}
        """)
  }

  func message(_ expression: String) -> String? {
    do {
      _ = try codebook(relevant: expression)
      return nil
    } catch {
      return error.localizedDescription
    }
  }

  @Test("text compared with a number, a coded or a date variable is refused, naming the sub-expression", arguments: [
    ("age == 'abc'", "(age == 'abc'): age is integer and 'abc' is not a number, so the comparison is never true or false"),
    ("present(q) and 'x' < income", "('x' < income): income is decimal and 'x' is not a number, so the comparison is never true or false"),
    ("age in (1, 'two')", "(age in (1, 'two')): age is integer and 'two' is not a number, so the comparison is never true or false"),
    ("sex != 'male'", "(sex != 'male'): 'male' is not a code of sex (its codes: 1, 2)"),
    ("sex not in (1, 'male')", "(sex not in (1, 'male')): 'male' is not a code of sex (its codes: 1, 2)"),
    ("sex > 'male'", "(sex > 'male'): sex has number codes (1, 2) and 'male' is text: compare it with a code"),
    ("dest < 3", "(dest < 3): dest has text codes (RU, IT), which have no order against a number, so the comparison is never true or false"),
    ("when >= 'soon'", "(when >= 'soon'): when is a date and 'soon' is not a date (yyyy-MM-dd), so the comparison is never true or false"),
    ("age + 1 == 'abc'", "((age + 1) == 'abc'): 'abc' is not a number, and the other side is, so the comparison is never true or false"),
    ("age + 'x' > 3", "(age + 'x'): 'x' is not a number, so the result never has a value"),
    ("symptoms == 'fever'", "(symptoms == 'fever'): symptoms is a multiple-choice variable, which no comparison can test: use selected(symptoms, code)"),
    ("selected(sex, 1)", "selected(sex, 1): selected() tests a multiple-choice variable, and sex is categorical, so it is never true (compare it with ==)"),
    ("selected(symptoms, 'rash')", "selected(symptoms, 'rash'): 'rash' is not a code of symptoms (its codes: fever, cough)"),
  ])
  func refused(expression: String, problem: String) {
    #expect(message(expression) == "codebook.yml:12: variables[8].relevant: \(problem)")
  }

  @Test("meaningful comparisons are accepted", arguments: [
    "age == 30", "age >= '18'", "income < 2.5", "sex == 1", "sex == '2'", "sex <= 1", "sex in ('1', 2)",
    "dest == 'RU'", "dest < 'RU'", "dest not in ('IT')", "when >= '2024-01-01'", "when > 19000",
    "name == 'abc'", "name < 3", "selected(symptoms, 'cough')", "missing(symptoms) or present(age)",
    "age == q", "sex == dest", "not (age + 1 > 2 * income)",
  ])
  func accepted(expression: String) throws {
    _ = try codebook(relevant: expression)
  }
}
