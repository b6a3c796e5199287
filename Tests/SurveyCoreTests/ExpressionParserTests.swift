import Foundation
@testable import SurveyCore
import Testing
import _SurveyTestSupport

@Suite("Expressions: nesting limits and long chains")
struct ExpressionParserTests {
  let limit = Expression.maximumDepth

  func syntaxError(_ text: String) -> ExpressionSyntaxError? {
    do {
      _ = try Expression.parse(text)
      return nil
    } catch {
      return error as? ExpressionSyntaxError
    }
  }

  @Test("17,000 nested parentheses are refused at the first one past the limit, without a crash")
  func deepParentheses() throws {
    let text = String(repeating: "(", count: 17_000) + "a == 1" + String(repeating: ")", count: 17_000)
    let error = try #require(syntaxError(text))
    #expect(error.position == limit + 1)
    #expect(error.problem == "parentheses nest more than \(limit) deep here (the limit)")
    // Unclosed, and through function calls and lists as well.
    #expect(syntaxError(String(repeating: "(", count: 17_000))?.position == limit + 1)
    let calls = String(repeating: "missing(", count: 17_000)
    #expect(syntaxError(calls)?.problem == "parentheses nest more than \(limit) deep here (the limit)")
  }

  @Test("parentheses up to the limit are accepted and add no depth")
  func parenthesesAtTheLimit() throws {
    let text = String(repeating: "(", count: limit) + "a == 1" + String(repeating: ")", count: limit)
    #expect(try Expression.parse(text) == .binary(.equal, .variable("a"), .number(1)))
  }

  @Test("operators nested 17,000 deep are refused, without a crash", arguments: ["not", "minus", "sum", "product"])
  func deepOperators(kind: String) throws {
    let count = 17_000
    let text: String
    switch kind {
    case "not": text = String(repeating: "not ", count: count) + "a"
    case "minus": text = String(repeating: "- ", count: count) + "a"
    case "sum": text = "a" + String(repeating: " + 1", count: count)
    default: text = "a" + String(repeating: " * 2", count: count)
    }
    let error = try #require(syntaxError(text))
    #expect(error.problem.hasPrefix("operators nest more than \(limit) deep here (the limit)"))
  }

  @Test("a sum of terms up to the limit parses and evaluates; one more term is refused")
  func sumAtTheLimit() throws {
    // `a + 1 + … + 1` with k terms of `+ 1` is k + 1 deep; compared with 0 one more.
    let terms = limit - 2
    let text = "a" + String(repeating: " + 1", count: terms) + " > 0"
    let expression = try Expression.parse(text)
    let table = testTable([numberColumn("a", [1, -1000, nil])])
    #expect(try expression.evaluate(in: table) == [.yes, .no, .unknown])
    let tooDeep = "a" + String(repeating: " + 1", count: terms + 1) + " > 0"
    let error = try #require(syntaxError(tooDeep))
    // The comparison is the node that goes past the limit.
    #expect(error.position == tooDeep.count - 2)
  }

  @Test("`not` repeated up to the limit is accepted")
  func notAtTheLimit() throws {
    let text = String(repeating: "not ", count: limit - 2) + "a == 1"
    let table = testTable([numberColumn("a", [1, 2])])
    #expect(try Expression.parse(text).evaluate(in: table) == [.yes, .no])
    #expect(syntaxError("not " + text)?.position == 1)
  }

  @Test("10,000 `or` terms make one flat node that evaluates, prints and lists its variables")
  func longOrChain() throws {
    let count = 10_000
    let text = (0..<count).map { "a == \($0)" }.joined(separator: " or ")
    let clock = ContinuousClock()
    let start = clock.now
    let expression = try Expression.parse(text)
    guard case .or(let items) = expression else {
      Issue.record("expected one `or` node, found \(expression.excerpt())")
      return
    }
    #expect(items.count == count)
    #expect(expression.variables == ["a"])
    #expect(expression.description.hasPrefix("((a == 0) or (a == 1) or"))
    let table = testTable([numberColumn("a", [9_999, 10_000, nil])])
    #expect(try expression.evaluate(in: table) == [.yes, .no, .unknown])
    #expect(clock.now - start < .seconds(20))
  }

  @Test("chains flatten through parentheses and keep their precedence", arguments: [
    ("(a or b) or (c or d)", "(a or b or c or d)"),
    ("a and b and c or d and e", "((a and b and c) or (d and e))"),
    ("a or b and c or d", "(a or (b and c) or d)"),
    ("not a or not b and c", "((not a) or ((not b) and c))"),
    ("((a and b) and c)", "(a and b and c)"),
    ("(a or b) and c", "((a or b) and c)"),
    ("a == 1 or b in (1, 2) and not c < -2", "((a == 1) or ((b in (1, 2)) and (not (c < -2))))"),
    ("- (2) * a", "(-2 * a)"),
    ("(a in (1)) == true", "((a in (1)) == true)"),
  ])
  func chains(text: String, expected: String) throws {
    #expect(try Expression.parse(text).description == expected)
  }

  @Test("misplaced tokens name the token and its position", arguments: [
    ("a == b == c", 8, "unexpected '=='"),
    ("(a == b == c)", 9, "expected ')', found '=='"),
    ("x in (1 == 2)", 9, "expected ')', found '=='"),
    ("x in (1) + 2", 10, "unexpected '+'"),
    ("x in (not a)", 7, "unexpected 'not'"),
    ("a + not b", 5, "unexpected 'not'"),
    ("a not b", 3, "unexpected 'not'"),
    ("x in 1", 6, "expected '(', found '1'"),
    ("missing()", 1, "missing() takes 1 argument, found 0"),
    ("selected(1, 2)", 1, "selected() takes a variable name first"),
    ("a, b", 2, "unexpected ','"),
    ("a)", 2, "unexpected ')'"),
    ("()", 2, "unexpected ')'"),
    ("", 1, "the expression ends too early"),
  ])
  func misplaced(text: String, position: Int, problem: String) {
    #expect(throws: ExpressionSyntaxError(position: position, problem: problem)) { try Expression.parse(text) }
  }

  /// Runs `body` on a thread with a 512 KB stack (the size of a secondary thread on macOS),
  /// and waits for it.
  func onSmallStack(_ body: @escaping @Sendable () -> Void) {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      body()
      done.signal()
    }
    thread.stackSize = 512 * 1024
    thread.start()
    done.wait()
  }

  @Test("trees as deep as allowed are evaluated, printed, checked, compared and freed on a 512 KB stack")
  func walksAtTheLimit() throws {
    let limit = limit
    let shapes = [
      "a" + String(repeating: " + 1", count: limit - 2) + " > 0",
      String(repeating: "not ", count: limit - 2) + "a > 0",
      String(repeating: "- ", count: limit - 2) + "a > 0",
      String(repeating: "a > 0 and (a < 0 or (", count: (limit - 2) / 2) + "a > 1"
        + String(repeating: "))", count: (limit - 2) / 2),
      // Lists inside lists: three brackets and two levels a step.
      String(repeating: "a in (((", count: limit / 3) + "a" + String(repeating: ") in (1)))", count: limit / 3),
    ]
    for text in shapes {
      #expect(throws: Never.self) { try Expression.parse(text) }
    }
    let table = testTable([numberColumn("a", [1, -1, nil])])
    onSmallStack {
      for text in shapes {
        guard let expression = try? Expression.parse(text), let copy = try? Expression.parse(text) else { continue }
        _ = try? expression.evaluate(in: table)
        _ = expression.description
        _ = expression.divisionByZero
        _ = expression.variables
        _ = expression == copy
      }
    }
  }
}
