import SurveyCore

/// `type`: a cell of an integer, decimal or date variable that is not a value of that type.
public struct TypeRule: ValidationRule {
  public let id = "type"

  public init() {}

  static func message(_ variable: Variable) -> String {
    switch variable.type {
    case .integer: return "\(variable.name) is not a whole number"
    case .decimal: return "\(variable.name) is not a number"
    case .date: return "\(variable.name) is not a date written as \(variable.format ?? "yyyy-MM-dd")"
    default: return "\(variable.name) is not a value of type \(variable.type.rawValue)"
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
    for variable in context.codebook.variables where [.integer, .decimal, .date].contains(variable.type) {
      guard let column = table.column(variable.name) else { continue }
      for row in 0..<column.count where column.state[row] == .invalid && !context.skipsRow[row] {
        var message = Self.message(variable)
        if variable.type.isNumeric, table.batches[Int(table.rowBatch[row])].decimal == UInt8(ascii: "."),
          let text = column.raw[row], Self.looksLikeDecimalComma(text)
        {
          message += Self.decimalCommaHint
        }
        findings.append(context.finding(.error, id, variable, row: row, message))
      }
    }
    return findings
  }
}
