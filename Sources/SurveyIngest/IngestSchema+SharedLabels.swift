extension IngestSchema {
  /// Two codes of one question whose labels read the same (or a code and a missing code), so
  /// that a file written with labels (`read: {values: labels}`) cannot be read back to codes: the
  /// first such pair in the schema's order, or nil.
  public struct SharedLabel: Sendable, Equatable {
    /// The question.
    public var variable: String
    /// The label the two codes share (as the first has it).
    public var label: String
    /// The first code with the label, in the codebook's order.
    public var first: String
    /// The second.
    public var second: String
  }

  /// The first ``SharedLabel`` among the categorical and multiple fields, or nil.
  public func sharedLabel() -> SharedLabel? {
    for field in fields where field.type == .categorical || field.type == .multiple {
      if let (label, first, second) = LabelMatcher.ambiguity(in: field) {
        return SharedLabel(variable: field.name, label: label, first: first, second: second)
      }
    }
    return nil
  }
}
