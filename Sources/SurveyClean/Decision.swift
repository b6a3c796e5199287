import SurveyCore

/// One reviewer decision from the decisions file
/// (`record_id,variable,old_value,action,new_value,comment`).
public struct Decision: Sendable, Equatable {
  /// What the reviewer decided.
  public enum Action: String, Sendable, CaseIterable {
    /// Keep the value as it is, even where the cleaning policy would change it.
    case accept
    /// Replace the value with `newValue`.
    case set
    /// Drop the whole record.
    case drop
  }

  public var recordID: String
  /// The variable concerned; may be blank for `drop`.
  public var variable: String?
  /// The value the reviewer saw; the decision applies only while the data still has it.
  public var oldValue: String?
  public var action: Action
  public var newValue: String?
  public var comment: String?
  /// The line of the decisions file.
  public var line: Int

  public init(
    recordID: String, variable: String?, oldValue: String?, action: Action, newValue: String? = nil,
    comment: String? = nil, line: Int
  ) {
    self.recordID = recordID
    self.variable = variable
    self.oldValue = oldValue
    self.action = action
    self.newValue = newValue
    self.comment = comment
    self.line = line
  }
}
