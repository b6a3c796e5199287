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
  /// What reviewers' decisions settled: cells accepted or set, records dropped.
  public var resolutions: [Resolution]
  /// The decisions file's accepts of findings about no record, by finding id: applied where
  /// findings get their ids (`ValidationLog`), after every stage has reported.
  public var findingDecisions: [FindingDecision] = []

  /// `findings` (about the table cleaning started from) with the reviewer's decision noted on
  /// every finding a decision settled: one on a cell accepted or set, or on a record dropped.
  public func resolve(_ findings: [Finding]) -> [Finding] {
    var cells: [String: Decision.Action] = [:]
    var rows = Set<Int>()
    for resolution in resolutions {
      if let variable = resolution.variable {
        cells["\(resolution.row)|\(variable)"] = resolution.action
      } else {
        rows.insert(resolution.row)
      }
    }
    return findings.map { finding in
      var finding = finding
      guard let row = finding.row else { return finding }
      if rows.contains(row) {
        finding.resolution = "decision: drop"
      } else if let variable = finding.variable, let action = cells["\(row)|\(variable)"] {
        finding.resolution = "decision: \(action.rawValue)"
      }
      return finding
    }
  }
}

/// A reviewer's decision that took effect, by row of the table cleaning started from.
public struct Resolution: Sendable, Equatable {
  public var row: Int
  /// The variable accepted or set; nil for a dropped record.
  public var variable: String?
  public var action: Decision.Action
}

/// The clean stage: applies reviewers' decisions, drops broken and duplicate records, and turns
/// invalid values and missing codes into missing values, logging every change.
public enum Clean {
  /// The rules whose findings are about a value that `clean.invalid` acts on.
  public static let valueRules: Set<RuleID> = [.type, .code, .range, .relevant, .constraint]

  /// Cleans `table`.
  ///
  /// Order: decisions (accept, set, drop); records that could not be read field by field
  /// (`ragged-row`, `bad-quote`); copies of a submission exported twice (`resubmission`
  /// findings); duplicate ids per `policy.duplicates`; values with findings of
  /// ``valueRules`` per `policy.invalid` (cells a reviewer accepted or set are left alone);
  /// missing codes to missing; the value maps of `policy.recodes` and the new variables of
  /// `policy.derives`, on the cleaned values; records left without a value in a design column
  /// (`missing-design`: they cannot be weighted).
  /// - Parameters:
  ///   - findings: the validation findings for `table` (rows refer to it).
  ///   - decisions: the reviewer's decisions file, if the pipeline names one.
  ///   - designColumns: the weight, probability, strata, PSU and fpc columns of the design.
  public static func run(
    _ table: DataTable, codebook: Codebook, findings: [Finding], policy: CleanPolicy, decisions: DecisionsFile? = nil,
    designColumns: [String] = []
  ) -> CleanResult {
    var cleaner = Cleaner(table: table, codebook: codebook)
    cleaner.addedVariables = Set(policy.recodes.compactMap(\.newVariable?.name) + policy.derives.map(\.name))
    if let decisions { cleaner.apply(decisions) }
    cleaner.dropMalformed()
    cleaner.dropResubmissions(findings)
    // By the id column whether or not the codebook marks it `unique: true` (the data package
    // declares the id unique unless `duplicates: keep`); one hash pass over the ids.
    cleaner.dropDuplicates(policy.duplicates)
    cleaner.handleInvalid(findings, policy: policy.invalid)
    cleaner.clearMissingCodes()
    cleaner.recode(policy.recodes)
    cleaner.derive(policy.derives)
    cleaner.dropMissingDesign(designColumns)
    var result = cleaner.finish()
    result.findingDecisions = decisions?.findingDecisions ?? []
    return result
  }
}
