/// A labelled export of the tidy data (pipeline `exports:`, `run --export`).
public enum ExportFormat: String, Sendable, CaseIterable {
  /// Stata 14+ (`.dta` version 118, UTF-8): missing codes as extended missing values `.a`, `.b`, …
  case dta
  /// SPSS (`.sav`): missing codes as user-missing values.
  case sav

  /// The file in the run folder.
  public var path: String { "tidy/survey.\(rawValue)" }
}
