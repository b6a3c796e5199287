import Foundation
import SurveyCore
import _SurveyTestSupport

@testable import SurveySynth

/// A synthetic survey written to a temporary folder, read back as lines and cells.
struct WrittenSurvey {
  let folder: TemporaryDirectory
  let summary: SynthSummary
  /// The header's names.
  let header: [String]
  /// Data rows, split into cells.
  let rows: [[String]]

  init(rows: Int, seed: UInt64 = 1) throws {
    folder = try TemporaryDirectory("synth-test")
    summary = try SyntheticSurvey(rows: rows, seed: seed).write(to: folder.path)
    let text = try folder.read(SyntheticSurvey.surveyFile)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    header = Self.cells(lines.removeFirst())
    self.rows = lines.map(Self.cells)
  }

  /// The bytes of a file of the folder.
  func bytes(_ name: String) throws -> Data {
    try Data(contentsOf: folder.url.appendingPathComponent(name))
  }

  /// Splits a line on commas. The synthetic data never quote (a test checks there are no
  /// quotes), so this is a complete CSV reader for them.
  static func cells(_ line: String) -> [String] {
    line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
  }
}

/// Evaluates a codebook expression on one row, with three-valued logic: blank cells and missing
/// codes are unknown, as the validator treats them.
struct RowEvaluator {
  enum Value: Equatable {
    case number(Double)
    case text(String)
    case truth(Bool)
    case unknown
  }

  /// The row's present values by variable (blank cells and missing codes left out).
  let values: [String: String]
  /// The variable `.` stands for.
  let current: String?

  func truth(_ expression: SurveyCore.Expression) -> Bool? {
    switch value(expression) {
    case .truth(let b): return b
    case .number(let x): return x != 0
    case .text(let s): return !s.isEmpty
    case .unknown: return nil
    }
  }

  func value(_ expression: SurveyCore.Expression) -> Value {
    switch expression {
    case .number(let x): return .number(x)
    case .string(let s): return .text(s)
    case .boolean(let b): return .truth(b)
    case .variable(let name): return cell(name)
    case .current: return current.map(cell) ?? .unknown
    case .negate(let inner):
      if case .number(let x) = value(inner) { return .number(-x) }
      return .unknown
    case .not(let inner):
      guard let t = truth(inner) else { return .unknown }
      return .truth(!t)
    case .and(let items):
      let truths = items.map(truth)
      if truths.contains(false) { return .truth(false) }
      return truths.contains(nil) ? .unknown : .truth(true)
    case .or(let items):
      let truths = items.map(truth)
      if truths.contains(true) { return .truth(true) }
      return truths.contains(nil) ? .unknown : .truth(false)
    case .binary(let op, let lhs, let rhs):
      switch op {
      case .add, .subtract, .multiply, .divide:
        guard case .number(let x) = value(lhs), case .number(let y) = value(rhs) else { return .unknown }
        switch op {
        case .add: return .number(x + y)
        case .subtract: return .number(x - y)
        case .multiply: return .number(x * y)
        default: return .number(x / y)
        }
      default:
        return compare(op, value(lhs), value(rhs))
      }
    case .membership(let lhs, let list, let negated):
      let a = value(lhs)
      var result: Bool? = false
      for item in list {
        switch compare(.equal, a, value(item)) {
        case .truth(true): result = true
        case .truth(false): break
        default: if result == false { result = nil }
        }
        if result == true { break }
      }
      guard let result else { return .unknown }
      return .truth(negated ? !result : result)
    case .call(let function, let arguments):
      let name: String?
      if case .variable(let n) = arguments[0] { name = n } else { name = current }
      let present = name.map { values[$0] != nil } ?? false
      switch function {
      case .missing: return .truth(!present)
      case .present: return .truth(present)
      case .selected:
        guard let name, let cell = values[name] else { return .truth(false) }
        let code: String
        switch value(arguments[1]) {
        case .text(let s): code = s
        case .number(let x): code = NumberFormatting.string(x)
        default: return .truth(false)
        }
        return .truth(cell.split(separator: " ").contains { $0 == code })
      case .countSelected:
        guard let name, let cell = values[name] else { return .unknown }
        return .number(Double(cell.split(separator: " ").count))
      case .stringLength:
        guard let name, let cell = values[name] else { return .unknown }
        return .number(Double(cell.count))
      }
    }
  }

  private func cell(_ name: String) -> Value {
    guard let text = values[name] else { return .unknown }
    if let x = Double(text) { return .number(x) }
    return .text(text)
  }

  private func compare(_ op: SurveyCore.Expression.BinaryOperator, _ a: Value, _ b: Value) -> Value {
    let order: Int
    switch (a, b) {
    case (.number(let x), .number(let y)): order = x < y ? -1 : (x > y ? 1 : 0)
    case (.text(let x), .text(let y)): order = x < y ? -1 : (x > y ? 1 : 0)
    case (.text, .number), (.number, .text):
      if op == .equal { return .truth(false) }
      if op == .notEqual { return .truth(true) }
      return .unknown
    default: return .unknown
    }
    switch op {
    case .equal: return .truth(order == 0)
    case .notEqual: return .truth(order != 0)
    case .less: return .truth(order < 0)
    case .lessOrEqual: return .truth(order <= 0)
    case .greater: return .truth(order > 0)
    default: return .truth(order >= 0)
    }
  }
}
