import SurveyCore

/// Rows grouped by enumerator (`checks.enumerator`), with each enumerator's answers to
/// categorical and numeric questions and how many of them were missing codes (98, 99…).
struct EnumeratorTally {
  /// The enumerators' names in sorted order; `""` last when some rows have none.
  var names: [String]
  /// Per row, its enumerator: an index into `names`.
  var group: [Int]
  /// Records per enumerator; a resubmitted copy of an earlier record is the same interview and
  /// does not count again (found in review: copies inflated the count).
  var interviews: [Int]
  /// Cells of integer, decimal and categorical variables that are not blank (rows other rules
  /// skip are not counted), and those that hold a missing code.
  var answers: [Int]
  var dontKnow: [Int]

  init(_ context: ValidationContext, enumerator: String) {
    let table = context.table
    var codes = [Int32](repeating: -1, count: table.rowCount)
    names = []
    if let column = table.column(enumerator), let groups = GroupCodes(column) {
      codes = groups.codes
      names = groups.levels
    }
    let blank = names.count
    if codes.contains(-1) { names.append("") }
    group = codes.map { $0 >= 0 ? Int($0) : blank }
    interviews = [Int](repeating: 0, count: names.count)
    answers = interviews
    dontKnow = interviews
    for row in group.indices where context.resubmissionOf[row] < 0 { interviews[group[row]] += 1 }
    for variable in context.codebook.variables where variable.name != enumerator {
      guard variable.type.isNumeric || variable.type == .categorical, let column = table.column(variable.name) else {
        continue
      }
      for row in 0..<column.count where column.state[row] != .empty && !context.skipsRow[row] {
        answers[group[row]] += 1
        if column.state[row] == .missingCode { dontKnow[group[row]] += 1 }
      }
    }
  }
}
