/// What cleaning does with values that fail validation.
public enum InvalidPolicy: String, Sendable, CaseIterable {
  case setMissing = "set-missing"
  case dropRecord = "drop-record"
  case keep
}

/// What cleaning does with records that share an id.
public enum DuplicatePolicy: String, Sendable, CaseIterable {
  case keepFirst = "keep-first"
  case dropAll = "drop-all"
  case keep
}

/// The cleaning section of a pipeline.
public struct CleanPolicy: Sendable, Equatable {
  public var invalid: InvalidPolicy
  public var duplicates: DuplicatePolicy
  /// The reviewer's decisions file, resolved against the pipeline's folder.
  public var decisionsPath: String?
  /// Value maps (`clean.recode`), applied in order after the values are cleaned.
  public var recodes: [RecodeSpec] = []
  /// New variables computed from others (`clean.derive`), in order, after the recodes.
  public var derives: [DeriveSpec] = []

  public init(invalid: InvalidPolicy = .setMissing, duplicates: DuplicatePolicy = .keepFirst, decisionsPath: String? = nil) {
    self.invalid = invalid
    self.duplicates = duplicates
    self.decisionsPath = decisionsPath
  }
}
