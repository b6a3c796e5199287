import SurveyCore

/// What cleaning produced: the clean table and the log of every change.
public struct CleanResult: Sendable {
  /// The records kept, with cleaned values.
  public var table: DataTable
  /// Every changed value and dropped record, in batch and line order.
  public var changes: [CleaningChange]
  /// Problems with reviewers' decisions (unknown records, stale old values, …).
  public var findings: [Finding]
  /// Records before cleaning.
  public var rawRecords: Int
  /// Records dropped (each with a `changes` entry whose variable is nil or whose reason drops it).
  public var droppedRecords: Int
}

/// The clean stage: applies reviewers' decisions, drops broken and duplicate records, and turns
/// invalid values and missing codes into missing values, logging every change.
public enum Clean {
  /// The rules whose findings are about a value that `clean.invalid` acts on.
  public static let valueRules: Set<String> = ["type", "code", "range", "relevant", "constraint"]

  /// Cleans `table`.
  ///
  /// Order: decisions (accept, set, drop); records that could not be read field by field
  /// (`ragged-row`, `bad-quote`); duplicate ids per `policy.duplicates`; values with findings of
  /// ``valueRules`` per `policy.invalid` (cells a reviewer accepted or set are left alone);
  /// missing codes to missing.
  /// - Parameters:
  ///   - findings: the validation findings for `table` (rows refer to it).
  ///   - decisions: the reviewer's decisions file, if the pipeline names one.
  public static func run(
    _ table: DataTable, codebook: Codebook, findings: [Finding], policy: CleanPolicy, decisions: DecisionsFile? = nil
  ) -> CleanResult {
    var cleaner = Cleaner(table: table, codebook: codebook)
    if let decisions { cleaner.apply(decisions) }
    cleaner.dropMalformed()
    // Ids repeat only where validation said so, or where a decision rewrote an id.
    if findings.contains(where: { $0.rule == "unique" && $0.variable == table.idColumn }) || cleaner.idChanged {
      cleaner.dropDuplicates(policy.duplicates)
    }
    cleaner.handleInvalid(findings, policy: policy.invalid)
    cleaner.clearMissingCodes()
    return cleaner.finish()
  }
}
