import Testing
import _SurveyTestSupport

@testable import SurveyCore

@Suite("Expressions: values")
struct ExpressionValuesTests {
  let table = testTable([
    numberColumn("a", [10, 4, nil, 1]),
    numberColumn("b", [3, 0, 2, 1]),
    codeColumn("c", ["1", "2", "2", nil]),
    Column(name: "d", type: .date, values: .dates([100, 110, 0, 0]), state: [.present, .present, .empty, .present]),
  ])

  func numbers(_ text: String) throws -> [Double?] {
    guard case .numbers(let values, let valid) = try Expression.parse(text).values(in: table) else {
      Issue.record("expected numbers")
      return []
    }
    return zip(values, valid).map { $1 ? $0 : nil }
  }

  @Test("arithmetic column-wise: missing where an operand is missing or a division is by zero")
  func arithmetic() throws {
    #expect(try numbers("a - b") == [7, 4, nil, 0])
    #expect(try numbers("a / b") == [10.0 / 3, nil, nil, 1])
    #expect(try numbers("-a * 2 + c") == [-19, -6, nil, nil])
    #expect(try numbers("a") == [10, 4, nil, 1])
    #expect(try numbers("d - 100") == [0, 10, nil, -100])
  }

  @Test("count_selected counts the options chosen, string_length the characters; missing where the value is")
  func numericFunctions() throws {
    let table = testTable([
      Column(
        name: "s", type: .multiple, values: .selections([0b101, 0, 0b111, 0]), state: [.present, .present, .present, .empty],
        levels: ["fever", "cough", "pain"]),
      Column(name: "t", type: .text, values: .texts(["Chișinău", "", "ab", ""]), state: [.present, .present, .present, .empty]),
    ])
    func numbers(_ text: String) throws -> [Double?] {
      guard case .numbers(let values, let valid) = try Expression.parse(text).values(in: table) else { return [] }
      return zip(values, valid).map { $1 ? $0 : nil }
    }
    #expect(try numbers("count_selected(s)") == [2, 0, 3, nil])
    // "Chișinău" is 8 characters (ș and ă are one each).
    #expect(try numbers("string_length(t)") == [8, 0, 2, nil])
    #expect(try numbers("count_selected(s) + 1") == [3, 1, 4, nil])
    guard case .truths(let truths) = try Expression.parse("count_selected(s) <= 2").values(in: table) else {
      Issue.record("expected truths")
      return
    }
    #expect(truths == [.yes, .yes, .no, .unknown])
    #expect(try !Expression.parse("string_length(t)").isCondition)
  }

  @Test("a condition gives truths, unknown where a value it reads is missing")
  func condition() throws {
    guard case .truths(let truths) = try Expression.parse("a > b").values(in: table) else {
      Issue.record("expected truths")
      return
    }
    #expect(truths == [.yes, .yes, .unknown, .no])
    #expect(try Expression.parse("a > b and c == 1").isCondition)
    #expect(try !Expression.parse("(a > b) + 1").isCondition)
  }
}
