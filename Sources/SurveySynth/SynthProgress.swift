/// How far a running ``SyntheticSurvey/write(to:progressEvery:progress:)`` has got.
public struct SynthProgress: Sendable {
  /// Rows written so far.
  public var rows: Int
  /// Rows to write in all.
  public var totalRows: Int
  /// Seconds since writing began.
  public var seconds: Double

  /// Rows written per second so far.
  public var rowsPerSecond: Double { seconds > 0 ? Double(rows) / seconds : 0 }
}
