/// A labelled export of the tidy data (pipeline `exports:`, `run --export`).
public enum ExportFormat: String, Sendable, CaseIterable {
  /// Stata 14+ (`.dta` version 118, UTF-8): missing codes as extended missing values `.a`, `.b`, …
  case dta
  /// SPSS (`.sav`): missing codes as user-missing values.
  case sav

  /// The file in the run folder.
  public var path: String { "tidy/survey.\(rawValue)" }

  /// The longest text a Stata `str#` variable holds; longer texts make the variable a `strL`.
  public static let stataFixedTextBytes = 2045

  /// The longest text a value of the format holds, in UTF-8 bytes: SPSS's 32,767; Stata's `strL`
  /// holds up to 2 GB, more than a CSV cell survey-pipe reads.
  public var maximumTextBytes: Int {
    switch self {
    case .dta: return Int(Int32.max)
    case .sav: return 32_767
    }
  }

  /// The longest value label SPSS holds, in bytes (libreadstat cuts longer ones anywhere).
  public static let spssValueLabelBytes = 120

  /// `text` cut to ``maximumTextBytes`` before a character's first byte (unchanged when it fits).
  public func fitted(_ text: String) -> String {
    Self.fitted(text, bytes: maximumTextBytes)
  }

  /// `text` cut to at most `limit` UTF-8 bytes before a character's first byte.
  public static func fitted(_ text: String, bytes limit: Int) -> String {
    guard text.utf8.count > limit else { return text }
    let bytes = Array(text.utf8)
    var cut = limit
    while cut > 0, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }  // not inside a character's bytes
    return String(decoding: bytes[..<cut], as: UTF8.self)
  }

  /// Whether the format cuts long texts (SPSS), so that each cut is reported.
  public var cutsText: Bool { self == .sav }
}
