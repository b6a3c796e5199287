/// The pipeline's `checks:` section: field-quality checks beyond the codebook's rules, as field
/// teams run them on every batch (interview length, fieldwork dates, don't-know answers by
/// interviewer, outliers, submissions exported twice).
public struct ChecksSpec: Sendable, Equatable {
  /// `enumerator`: the column naming the interviewer; findings and the report break down by it.
  public var enumerator: String?
  /// `duration`: rule `duration`.
  public var duration: DurationCheck?
  /// `fieldwork`: rule `fieldwork`.
  public var fieldwork: FieldworkCheck?
  /// `dont_know`: rule `dont-know-share` (needs `enumerator`).
  public var dontKnow: DontKnowCheck?
  /// `outliers`: rule `outlier`.
  public var outliers: OutlierCheck?
  /// `resubmissions`: the column identifying a submission (Kobo's `_uuid`); rule `resubmission`.
  public var resubmissions: String?
  /// The line of each key (`checks`, `checks.duration`, …), for messages.
  public var lines: [String: Int] = [:]

  public init(
    enumerator: String? = nil, duration: DurationCheck? = nil, fieldwork: FieldworkCheck? = nil,
    dontKnow: DontKnowCheck? = nil, outliers: OutlierCheck? = nil, resubmissions: String? = nil
  ) {
    self.enumerator = enumerator
    self.duration = duration
    self.fieldwork = fieldwork
    self.dontKnow = dontKnow
    self.outliers = outliers
    self.resubmissions = resubmissions
  }
}

/// `duration: {start, end, min_minutes}`: interviews shorter than `minMinutes`, or ending before
/// they start; `start` and `end` are datetime variables.
public struct DurationCheck: Sendable, Equatable {
  public var start: String
  public var end: String
  public var minMinutes: Double

  public init(start: String, end: String, minMinutes: Double) {
    self.start = start
    self.end = end
    self.minMinutes = minMinutes
  }
}

/// `fieldwork: {date, from, to}`: interviews dated outside `from`…`to` (both days included).
public struct FieldworkCheck: Sendable, Equatable {
  /// A date or datetime variable (a datetime counts by its day in UTC).
  public var date: String
  public var from: CivilDate
  public var to: CivilDate

  public init(date: String, from: CivilDate, to: CivilDate) {
    self.date = date
    self.from = from
    self.to = to
  }
}

/// `dont_know: {max_share, min_answers}`: an enumerator whose share of missing-code answers
/// exceeds `maxShare`, among enumerators with at least `minAnswers` answers.
public struct DontKnowCheck: Sendable, Equatable {
  public var maxShare: Double
  public var minAnswers: Int

  public init(maxShare: Double, minAnswers: Int) {
    self.maxShare = maxShare
    self.minAnswers = minAnswers
  }
}

/// `outliers: {variables, k}`: values beyond `k` interquartile ranges from the quartiles (Tukey).
public struct OutlierCheck: Sendable, Equatable {
  public var variables: [String]
  public var k: Double

  public init(variables: [String], k: Double) {
    self.variables = variables
    self.k = k
  }
}
