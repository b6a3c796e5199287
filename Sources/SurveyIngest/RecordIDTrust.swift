import Foundation
import SurveyCore

/// Decides whether a broken record's id cell can name it in logs.
///
/// A record whose fields cannot be lined up with the header (ragged, bad quoting, a swallowed
/// line) may hold anything in its id cell: a whole raw line split on the wrong delimiter, or a
/// name shifted in from a `pii` column. Its id is used only when the cell looks like the ids of
/// the batch's sound records: the same shape (letters as `A`, digits as `9`, other characters
/// kept), at most ``maximumLength`` bytes, with no delimiter, quote, or control character.
/// Otherwise logs name the record by batch and line alone.
enum RecordIDTrust {
  static let maximumLength = 64
  /// How many sound ids per batch give the shapes to compare with.
  static let sample = 10_000

  static func mark(_ table: inout DataTable) {
    guard !table.rowIssues.isEmpty, let idColumn = table.idColumn, let column = table.column(idColumn) else { return }
    var shapes: [Int: Set<[UInt8]>] = [:]
    var sampled: [Int: Int] = [:]
    for row in 0..<table.rowCount where table.rowIssues[row] == nil {
      let batch = Int(table.rowBatch[row])
      guard sampled[batch, default: 0] < sample, let id = column.original(row: row) else { continue }
      sampled[batch, default: 0] += 1
      shapes[batch, default: []].insert(shape(id))
    }
    for (row, issue) in table.rowIssues {
      var marked = issue
      marked.idTrusted = column.original(row: row).map { id in
        plausible(id) && shapes[Int(table.rowBatch[row])]?.contains(shape(id)) == true
      } ?? false
      table.rowIssues[row] = marked
    }
  }

  /// Short, one line, no character that separates or quotes fields.
  static func plausible(_ id: String) -> Bool {
    id.utf8.count <= maximumLength
      && !id.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0x2C || $0 == 0x3B || $0 == 0x7C || $0 == 0x22 }
  }

  /// The shape of raw id bytes, as ``shape(_:)-(String)`` gives it for their UTF-8 text (quotes
  /// and spaces around a field are left out).
  static func shape(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var text = String(decoding: bytes, as: UTF8.self)
    text = text.trimmingCharacters(in: .whitespaces)
    if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
    return shape(text)
  }

  /// Letters become `A`, digits `9`, other characters stay: `MD-S-0042` → `AA-A-9999`.
  static func shape(_ id: String) -> [UInt8] {
    id.unicodeScalars.map { scalar in
      if scalar.properties.isAlphabetic { return UInt8(ascii: "A") }
      if scalar.properties.numericType != nil { return UInt8(ascii: "9") }
      return scalar.isASCII ? UInt8(scalar.value) : UInt8(ascii: "?")
    }
  }
}
