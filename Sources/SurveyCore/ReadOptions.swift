import Foundation

/// A text encoding survey-pipe can read.
public enum TextEncoding: String, Sendable, CaseIterable {
  case utf8 = "utf-8"
  case windows1250 = "windows-1250"
  case windows1251 = "windows-1251"
  case iso885916 = "iso-8859-16"
  case latin1 = "latin1"

  /// Reads an encoding name as users write it (`UTF8`, `cp1251`, `ISO-8859-16`, …).
  public init?(name: String) {
    let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
    switch key {
    case "utf-8", "utf8": self = .utf8
    case "windows-1250", "cp1250", "win1250": self = .windows1250
    case "windows-1251", "cp1251", "win1251": self = .windows1251
    case "iso-8859-16", "iso8859-16", "latin10": self = .iso885916
    case "latin1", "latin-1", "iso-8859-1", "iso8859-1": self = .latin1
    default: return nil
    }
  }
}

/// What the cells of coded questions hold: the codes (`1`, `RU`), or their labels ("Female",
/// "Russian Federation"), as KoboToolbox writes an export made with "Labels".
public enum ValueFormat: String, Sendable, CaseIterable {
  case codes, labels
}

/// What the header names: the variables' names, or their labels (a Kobo export made with
/// "Labels": "Sex of respondent", "Symptoms/Fever").
public enum HeaderFormat: String, Sendable, CaseIterable {
  case names, labels
}

/// How to read a CSV file: encoding, delimiter and decimal mark; `nil` means detect.
public struct ReadOptions: Sendable, Equatable {
  /// `nil` = auto: UTF-8 when the bytes are valid UTF-8, else sniffed.
  public var encoding: TextEncoding?
  /// `nil` = auto: sniffed from the header line among `,` `;` and tab.
  public var delimiter: UInt8?
  /// The decimal mark, `.` or `,`.
  public var decimal: UInt8
  /// Codes, or labels mapped back to their codes through the codebook.
  public var values: ValueFormat
  /// Header names, or the variables' labels.
  public var headers: HeaderFormat

  public init(
    encoding: TextEncoding? = nil, delimiter: UInt8? = nil, decimal: UInt8 = UInt8(ascii: "."),
    values: ValueFormat = .codes, headers: HeaderFormat = .names
  ) {
    self.encoding = encoding
    self.delimiter = delimiter
    self.decimal = decimal
    self.values = values
    self.headers = headers
  }

  /// Reads a delimiter as written in a pipeline or on the command line: `auto`, `,`, `;`, `tab`.
  /// Returns `.some(nil)` for auto, `nil` when the text names no delimiter.
  public static func delimiter(named name: String) -> UInt8?? {
    switch name {
    case "auto": return .some(nil)
    case ",", "comma": return UInt8(ascii: ",")
    case ";", "semicolon": return UInt8(ascii: ";")
    case "tab", "\t", "\\t": return UInt8(ascii: "\t")
    case "|", "pipe": return UInt8(ascii: "|")
    default: return nil
    }
  }

  /// A delimiter byte as users write it.
  public static func delimiterName(_ byte: UInt8) -> String {
    byte == UInt8(ascii: "\t") ? "tab" : String(UnicodeScalar(byte))
  }
}
