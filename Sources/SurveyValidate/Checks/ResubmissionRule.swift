import SurveyCore

/// `resubmission` (`checks.resubmissions`): a record whose submission id (Kobo's `_uuid`) and
/// every other cell are the same as an earlier record's: the same submission exported twice.
/// The copy is reported here, dropped by cleaning (reason `resubmission`) and not checked by
/// any other rule, so it raises no `unique` error; the same id with other content does.
public struct ResubmissionRule: ValidationRule {
  public let id = RuleID.resubmission

  public init() {}

  static func message(_ column: String, firstBatch: String, firstLine: Int) -> String {
    "the same submission (\(column) and every answer) as the record at \(firstBatch) line \(firstLine): the copy is dropped"
  }

  /// Per row, the earliest row with the same value in `column` and the same cells in every
  /// column, or -1. Rows `skip` marks (records that could not be read) are neither copies nor
  /// originals.
  public static func copies(in table: DataTable, column name: String, skipping skip: [Bool]) -> [Int32] {
    var result = [Int32](repeating: -1, count: table.rowCount)
    guard let column = table.column(name) else { return result }
    let earlier = column.earlierDuplicates(skipping: skip)
    // Rows sharing a submission id, by the first row of the id.
    var group: [Int32: [Int]] = [:]
    for row in 0..<table.rowCount where earlier[row] >= 0 {
      let first = Int(earlier[row])
      let candidates = [first] + (group[earlier[row]] ?? [])
      if let original = candidates.first(where: { sameCells(table, $0, row) }) {
        result[row] = Int32(original)
      } else {
        group[earlier[row], default: []].append(row)
      }
    }
    return result
  }

  /// True when rows `a` and `b` hold the same text, state for state, in every column.
  static func sameCells(_ table: DataTable, _ a: Int, _ b: Int) -> Bool {
    table.columns.allSatisfy { $0.state[a] == $0.state[b] && $0.original(row: a) == $0.original(row: b) }
  }

  public func check(_ context: ValidationContext) throws -> [Finding] {
    guard let name = context.checks?.resubmissions, let variable = context.codebook.variable(named: name) else {
      return []
    }
    var findings: [Finding] = []
    for row in context.resubmissionOf.indices where context.resubmissionOf[row] >= 0 {
      let (batch, line) = context.table.location(row: Int(context.resubmissionOf[row]))
      findings.append(context.finding(.info, id, variable, row: row, Self.message(name, firstBatch: batch, firstLine: line)))
    }
    return findings
  }
}
