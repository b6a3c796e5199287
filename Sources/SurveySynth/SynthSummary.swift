/// What ``SyntheticSurvey/write(to:progressEvery:progress:)`` wrote.
public struct SynthSummary: Sendable {
  /// The output folder.
  public var directory: String
  /// The data file, `DIR/survey.csv`.
  public var surveyPath: String
  /// Data rows written (sampled adults, respondents and nonrespondents).
  public var rows: Int
  /// Bytes of `survey.csv`.
  public var bytes: Int
  /// Seconds spent writing all files.
  public var seconds: Double
  /// Adults in the synthetic population (the sum of the design weights and of each margin).
  public var populationTotal: Int
  /// PSUs in the sample.
  public var psuCount: Int
  /// The files written, in order.
  public var files: [String]

  /// Rows per second.
  public var rowsPerSecond: Double { seconds > 0 ? Double(rows) / seconds : 0 }
}
