@testable import SurveyCore
import Testing

@Suite("Expressions: parsing")
struct ExpressionParsingTests {
  @Test("precedence and forms", arguments: [
    ("a == 1 or b == 2 and not c", "((a == 1) or ((b == 2) and (not c)))"),
    ("x = 3", "(x == 3)"),
    ("${age} >= 18", "(age >= 18)"),
    ("y in (1, 2)", "(y in (1, 2))"),
    ("y not in ('RU', 'IT')", "(y not in ('RU', 'IT'))"),
    ("-a + 2 * 3 - 4 / 2", "(((-a) + (2 * 3)) - (4 / 2))"),
    (". >= year_departed", "(. >= year_departed)"),
    ("selected(symptoms, 'fever') and missing(x)", "(selected(symptoms, 'fever') and missing(x))"),
  ])
  func forms(text: String, expected: String) throws {
    #expect(try Expression.parse(text).description == expected.replacingOccurrences(of: "(-a)", with: "-a"))
  }

  @Test("syntax errors name the character position", arguments: [
    ("a ==", 5, "the expression ends too early"),
    ("a == 'RU", 6, "the string is not closed"),
    ("frobnicate(a)", 1, "unknown function 'frobnicate' (known: missing, present, selected, count_selected, string_length)"),
    ("a @ b", 3, "unexpected character '@'"),
    ("selected(a)", 1, "selected() takes 2 arguments, found 1"),
    ("(a == 1", 8, "expected ')' at the end"),
  ])
  func errors(text: String, position: Int, problem: String) {
    #expect(throws: ExpressionSyntaxError(position: position, problem: problem)) { try Expression.parse(text) }
  }

  @Test("the variables an expression reads, in order")
  func variables() throws {
    #expect(try Expression.parse("b > a and missing(c) or b == 1").variables == ["b", "a", "c"])
  }
}

@Suite("Expressions: evaluation with missing values")
struct ExpressionEvaluationTests {
  /// status: 1, 2, blank, 98 (missing code); year: 2010, 2015, 2020, blank; when: dates.
  let table = DataTable(
    columns: [
      Column(
        name: "status", type: .categorical, values: .codes([0, 1, -1, -1]), state: [.present, .present, .empty, .missingCode],
        levels: ["1", "2"], raw: [3: "98"]),
      Column(
        name: "dest", type: .categorical, values: .codes([0, 1, 0, -1]), state: [.present, .present, .present, .empty],
        levels: ["RU", "IT"]),
      Column(name: "year", type: .integer, values: .numbers([2010, 2015, 2020, 0]), state: [.present, .present, .present, .empty]),
      Column(
        name: "symptoms", type: .multiple, values: .selections([0b01, 0b10, 0, 0]), state: [.present, .present, .present, .empty],
        levels: ["fever", "cough"]),
      Column(
        name: "when", type: .date, values: .dates([19_000, 19_800, 20_000, 0]), state: [.present, .present, .present, .empty]),
    ], batches: [BatchInfo(name: "b", path: "b")], rowBatch: [0, 0, 0, 0], rowLine: [2, 3, 4, 5])

  func truths(_ text: String, current: String? = nil) throws -> [Truth] {
    try Expression.parse(text).evaluate(in: table, current: current)
  }

  @Test("comparisons of codes, numbers, dates; unknown where a value is missing")
  func comparisons() throws {
    #expect(try truths("status == 1") == [.yes, .no, .unknown, .unknown])
    #expect(try truths("status in (1, 2)") == [.yes, .yes, .unknown, .unknown])
    #expect(try truths("dest not in ('IT')") == [.yes, .no, .yes, .unknown])
    #expect(try truths("year + 1 > 2015") == [.no, .yes, .yes, .unknown])
    // 19_000 days is 2022-01-08; 19_800 is 2024-03-18.
    #expect(try truths("when >= '2024-01-01'") == [.no, .yes, .yes, .unknown])
    #expect(try truths(". < 2016", current: "year") == [.yes, .yes, .no, .unknown])
  }

  @Test("three-valued and, or, not")
  func logic() throws {
    // status == 1: yes, no, unknown, unknown; year > 2012: no, yes, yes, unknown.
    #expect(try truths("status == 1 or year > 2012") == [.yes, .yes, .yes, .unknown])
    #expect(try truths("status == 1 and year > 2012") == [.no, .no, .unknown, .unknown])
    #expect(try truths("not status == 1") == [.no, .yes, .unknown, .unknown])
  }

  @Test("missing, present and selected")
  func functions() throws {
    #expect(try truths("missing(status)") == [.no, .no, .yes, .yes])
    #expect(try truths("present(year)") == [.yes, .yes, .yes, .no])
    #expect(try truths("selected(symptoms, 'cough')") == [.no, .yes, .no, .no])
  }

  @Test("an unknown variable is an error naming it")
  func unknownVariable() {
    #expect(throws: ExpressionEvaluationError(variable: "nope")) { try truths("nope == 1") }
  }
}
