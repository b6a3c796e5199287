import SurveyCore

/// `type`: a cell of an integer, decimal, date or datetime variable that is not a value of that type, or a
/// number that cannot be held (``SurveyCore/NumberText``: a whole number beyond ±2^53, a decimal
/// that would be infinite, or one not zero that would be zero or subnormal).
public struct TypeRule: ValidationRule {
  public let id = RuleID.type

  public init() {}

  static func message(_ variable: Variable) -> String {
    switch variable.type {
    case .integer: return "\(variable.name) is not a whole number"
    case .decimal: return "\(variable.name) is not a number"
    case .date: return "\(variable.name) is not a date written as \(variable.format ?? "yyyy-MM-dd")"
    case .datetime:
      return "\(variable.name) is not an ISO 8601 date and time (yyyy-MM-ddTHH:mm:ss with an offset such as +02:00 or Z)"
    default: return "\(variable.name) is not a value of type \(variable.type.rawValue)"
    }
  }

  /// The message for a numeric cell that is invalid for `problem` (from ``SurveyCore/NumberText``):
  /// a number too large or too small to hold is named as such, not as "not a number".
  static func message(_ variable: Variable, _ problem: NumberText.Problem) -> String {
    switch problem {
    case .notANumber, .notWhole: return message(variable)
    case .beyondExactWholeNumbers, .tooLarge, .tooSmall: return "\(variable.name) is \(problem.explanation)"
    }
  }

  /// Added when a number was written with a decimal comma in a batch read with `.`.
  static let decimalCommaHint = " (it looks like a decimal comma: set decimal: \",\" for this batch)"

  /// True for text like `12,5` or `-0,75`: digits, one comma, digits.
  static func looksLikeDecimalComma(_ text: String) -> Bool {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count == 2 else { return false }
    let whole = parts[0].hasPrefix("-") ? parts[0].dropFirst() : parts[0]
    return !whole.isEmpty && !parts[1].isEmpty && whole.allSatisfy { ("0"..."9").contains($0) } && parts[1].allSatisfy { ("0"..."9").contains($0) }
  }

  public func check(_ context: ValidationContext) throws -> [Finding] {
    var findings: [Finding] = []
    let table = context.table
    for variable in context.codebook.variables where [.integer, .decimal, .date, .datetime].contains(variable.type) {
      guard let column = table.column(variable.name) else { continue }
      for row in 0..<column.count where column.state[row] == .invalid && !context.skipsRow[row] {
        guard variable.type.isNumeric, let text = column.raw[row] else {
          findings.append(context.finding(.error, id, variable, row: row, Self.message(variable)))
          continue
        }
        let decimal = table.batches[Int(table.rowBatch[row])].decimal
        let problem: NumberText.Problem
        switch NumberText.read(text, decimal: decimal, integer: variable.type == .integer) {
        case .failure(let found): problem = found
        case .success: problem = .notANumber  // not for cells the reader typed: they follow the same rule
        }
        var message = Self.message(variable, problem)
        if problem == .notANumber, decimal == UInt8(ascii: "."), Self.looksLikeDecimalComma(text) {
          message += Self.decimalCommaHint
        }
        findings.append(context.finding(.error, id, variable, row: row, message))
      }
    }
    return findings
  }
}
