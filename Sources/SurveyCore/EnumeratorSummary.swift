/// One interviewer's line in the validation report (the pipeline's `checks.enumerator`): how many
/// interviews they did, how many findings those interviews raised, how long the interviews took and
/// how often the answers were missing codes.
public struct EnumeratorSummary: Sendable, Equatable {
  /// The enumerator's name as it appears in the enumerator column (blank for rows without one).
  public var enumerator: String
  /// Records (interviews) in the raw data.
  public var interviews: Int
  /// Findings about those records.
  public var findings: Int
  /// The median interview length in minutes (`checks.duration`), nil when not configured or no
  /// interview has both times.
  public var medianDurationMinutes: Double?
  /// Answers to categorical and numeric questions, and how many of them were missing codes
  /// (98, 99…), for `checks.dont_know`.
  public var answers: Int
  public var dontKnowAnswers: Int

  public init(
    enumerator: String, interviews: Int, findings: Int, medianDurationMinutes: Double?, answers: Int,
    dontKnowAnswers: Int
  ) {
    self.enumerator = enumerator
    self.interviews = interviews
    self.findings = findings
    self.medianDurationMinutes = medianDurationMinutes
    self.answers = answers
    self.dontKnowAnswers = dontKnowAnswers
  }

  /// The share of answers that were missing codes, nil with no answers.
  public var dontKnowShare: Double? { answers == 0 ? nil : Double(dontKnowAnswers) / Double(answers) }
}
