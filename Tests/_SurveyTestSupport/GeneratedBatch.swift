import Foundation
import SurveyCore

/// One generated batch file and what its generator knows about it.
public struct GeneratedBatch: Sendable {
  /// The file name (batches sort in the order they were generated).
  public var name: String
  public var bytes: [UInt8]
  /// The pipeline's `encoding` for this file, or nil for auto.
  public var declaredEncoding: String?
  /// The pipeline's `delimiter` name for this file, or nil for auto (sniffed).
  public var declaredDelimiter: String?
  public var delimiter: UInt8
  public var decimalComma: Bool
  public var readOptions: ReadOptions
  /// Physical lines and what they are, counted as the file was built.
  public var lines: LineCounts
  /// True when a mutation makes the exact reading of some lines unpredictable (a stray quote, a
  /// row with the wrong delimiter, a truncated last line, a line break in a column that may not
  /// hold one): only the total of lines and that every line is accounted for are then known.
  public var hostile: Bool
  /// The lines holding records with only empty fields, in order.
  public var emptyRecordLines: [Int]
  /// How the file was made, for failure messages.
  public var summary: String

  /// Counts of physical lines by what the generator put there.
  public struct LineCounts: Sendable, Equatable, CustomStringConvertible {
    public var total = 0
    public var header = 0
    public var records = 0
    public var emptyRecords = 0
    public var blank = 0
    public var continuation = 0

    public init(
      total: Int = 0, header: Int = 0, records: Int = 0, emptyRecords: Int = 0, blank: Int = 0, continuation: Int = 0
    ) {
      self.total = total
      self.header = header
      self.records = records
      self.emptyRecords = emptyRecords
      self.blank = blank
      self.continuation = continuation
    }

    public var description: String {
      "total \(total), header \(header), records \(records), empty records \(emptyRecords), blank \(blank), "
        + "continuation \(continuation)"
    }
  }

  /// The bytes as a Swift-like string literal: printable ASCII as is, `\r`, `\n`, `\t`, other bytes `\xNN`.
  public static func escaped(_ bytes: [UInt8]) -> String {
    var text = "\""
    for byte in bytes {
      switch byte {
      case 0x0A: text += "\\n"
      case 0x0D: text += "\\r"
      case 0x09: text += "\\t"
      case 0x22: text += "\\\""
      case 0x5C: text += "\\\\"
      case 0x20..<0x7F: text.unicodeScalars.append(UnicodeScalar(byte))
      default: text += String(format: "\\x%02X", byte)
      }
    }
    return text + "\""
  }
}
