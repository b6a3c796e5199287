/// One data problem found by a stage: a planted-error fixture must produce exactly its findings.
///
/// Data problems never throw: each stage collects `Finding`s, and the run writes them to
/// `validation.csv`. A finding points back at the raw cell through batch, line and variable.
public struct Finding: Sendable, Hashable {
  /// How serious a finding is; `error` sorts first and is what `--fail-on error` counts.
  public enum Severity: String, Sendable, Comparable, CaseIterable {
    case error, warning, info

    var rank: Int {
      switch self {
      case .error: return 0
      case .warning: return 1
      case .info: return 2
      }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  public var severity: Severity
  /// The rule that raised it (its raw value, e.g. `range` or `ragged-row`, is what logs show).
  public var rule: RuleID
  /// The variable concerned, if the finding is about one.
  public var variable: String?
  /// The respondent id, when known.
  public var recordID: String?
  /// The batch file name.
  public var batch: String?
  /// The 1-based line in the batch where the record (or header) starts.
  public var line: Int?
  /// The offending value as it arrived; blank for personal-data variables.
  public var value: String?
  /// What is wrong, in words; never contains respondent values.
  public var message: String
  /// How a reviewer settled it (`decision: set`, `decision: accept`, `decision: drop`), if so.
  public var resolution: String?
  /// The row of the table, when the finding is about a row (not written to outputs).
  public var row: Int?
  /// Order of the batch in the run, used to sort findings (not written to outputs).
  public var batchIndex: Int?
  /// The interviewer of the record (`checks.enumerator`), when the pipeline names that column.
  public var enumerator: String?

  public init(
    severity: Severity, rule: RuleID, variable: String? = nil, recordID: String? = nil,
    batch: String? = nil, line: Int? = nil, value: String? = nil, message: String,
    row: Int? = nil, batchIndex: Int? = nil
  ) {
    self.severity = severity
    self.rule = rule
    self.variable = variable
    self.recordID = recordID
    self.batch = batch
    self.line = line
    self.value = value
    self.message = message
    self.row = row
    self.batchIndex = batchIndex
  }

  /// A finding about the cell of `variable` at `row` of `table`, located by batch and line.
  public init(
    severity: Severity, rule: RuleID, variable: String?, row: Int, in table: DataTable,
    value: String?, message: String
  ) {
    self.init(
      severity: severity, rule: rule, variable: variable, recordID: table.recordID(row: row),
      batch: table.batches[Int(table.rowBatch[row])].name, line: Int(table.rowLine[row]),
      value: value, message: message, row: row, batchIndex: Int(table.rowBatch[row]))
  }
}

extension Array where Element == Finding {
  /// Findings in the order of the logs: by batch, line, then the order the rules raised them;
  /// findings about other files (the decisions file) come last.
  public func sortedForReport() -> [Finding] {
    enumerated().sorted { a, b in
      let ka = (a.element.batchIndex ?? Int.max, a.element.line ?? 0)
      let kb = (b.element.batchIndex ?? Int.max, b.element.line ?? 0)
      if ka != kb { return ka < kb }
      return a.offset < b.offset
    }.map(\.element)
  }

  /// How many findings have each severity.
  public func counts() -> [Finding.Severity: Int] {
    var counts: [Finding.Severity: Int] = [:]
    for finding in self { counts[finding.severity, default: 0] += 1 }
    return counts
  }
}
