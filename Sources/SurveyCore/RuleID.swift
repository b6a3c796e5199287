/// Every rule that raises a ``Finding``: one typed set, so a rule id is spelled once.
///
/// The raw value is the stable identifier written in the `rule` column of the logs and
/// documented in docs/outputs.md; add cases, never rename a raw value.
public enum RuleID: String, Sendable, CaseIterable, Hashable {
  // Ingest: the files.
  case emptyFile = "empty-file"
  case noRecords = "no-records"
  case encodingSniffed = "encoding-sniffed"
  case encodingConflict = "encoding-conflict"
  case undecodableBytes = "undecodable-bytes"
  case unknownColumn = "unknown-column"
  case missingColumn = "missing-column"
  case duplicateColumn = "duplicate-column"
  case raggedRow = "ragged-row"
  case badQuote = "bad-quote"
  case quotedLineBreak = "quoted-line-break"
  case linesUnaccounted = "lines-unaccounted"
  case emptyRecord = "empty-record"
  // Ingest: Kobo and ODK exports.
  case metaColumns = "meta-columns"
  case multipleUnknownOption = "multiple-unknown-option"
  case multipleDisagree = "multiple-disagree"
  // Validate: the codebook's rules.
  case type
  case code
  case required
  case range
  case relevant
  case constraint
  case unique
  case otherSpecify = "other-specify"
  // Validate: the pipeline's field-quality checks.
  case duration
  case fieldwork
  case dontKnowShare = "dont-know-share"
  case outlier
  case resubmission
  // Clean: the reviewer's decisions.
  case decisionInvalid = "decision-invalid"
  case decisionUnknownRecord = "decision-unknown-record"
  case decisionUnknownVariable = "decision-unknown-variable"
  case decisionStale = "decision-stale"
  case decisionAmbiguous = "decision-ambiguous"
  case decisionConflict = "decision-conflict"
  /// A decision names a `finding_id` no finding of the run has.
  case decisionUnknownFinding = "decision-unknown-finding"
  // Weight.
  case nonresponseClass = "nonresponse-class"
  case negativeWeight = "negative-weight"
  /// The design or a weighting step failed: no table was estimated.
  case weightingFailed = "weighting-failed"
  // Tabulate.
  /// One table could not be estimated (a lonely PSU under `lonely_psu: fail`, …); the others were.
  case tableFailed = "table-failed"
  // Publish.
  /// A text longer than an export's format holds (SPSS: 32,767 bytes) was cut in that file.
  case exportTruncated = "export-truncated"
}

extension RuleID: CustomStringConvertible {
  public var description: String { rawValue }
}
