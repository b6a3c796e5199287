/// A reviewer's `accept` of one finding named by its `finding_id`, for findings that are about
/// no record (an interviewer's `dont-know-share`, a file's header, a weighting class): a row of
/// the decisions file with a `finding_id` and no `record_id`. It settles the finding (its
/// `resolution` reads `decision: accept`, so `--fail-on` no longer counts it) and changes no
/// data. It applies only while the finding exists with the `old_value` the reviewer saw (the
/// finding's value; blank for a finding without one).
public struct FindingDecision: Sendable, Equatable {
  /// The finding's id as the logs show it (`F` and ten hex digits).
  public var findingID: String
  /// The finding's value the reviewer saw; nil when the cell was blank.
  public var oldValue: String?
  public var comment: String?
  /// The decisions file, as logs name it, and the line of the decision.
  public var file: String
  public var line: Int

  public init(findingID: String, oldValue: String?, comment: String? = nil, file: String, line: Int) {
    self.findingID = findingID
    self.oldValue = oldValue
    self.comment = comment
    self.file = file
    self.line = line
  }
}
