import SurveyCore

/// A split 0/1 column of a multi-select that disagrees with its space-separated column on one row.
struct SplitConflict: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    /// The split column says selected (1); the space-separated column does not list the code.
    case selectedOnlyInSplit
    /// The split column says not selected (0); the space-separated column lists the code.
    case selectedOnlyInWhole
    /// The split column holds neither 0 nor 1 (nor blank); the text is kept.
    case unreadable(String)
  }

  /// The row in the batch.
  var row: Int
  /// The header position of the split column.
  var position: Int
  var bit: Int
  var kind: Kind
}

extension ColumnBuilder {
  /// Checks the 0/1 column of code `bit` against the space-separated column already typed into
  /// rows `base...`; each disagreement is added to `splitConflicts`.
  ///
  /// A blank split cell says nothing and is not compared; nor are rows whose space-separated
  /// cell is invalid or a missing code (they have findings of their own). A blank
  /// space-separated cell with split 0 agrees (ODK Central writes 0 for an unanswered question).
  func checkSplit(from sink: UnsafePointer<FieldSink>, position: Int, bit: Int, base: Int) {
    let rows = sink.pointee.rowCount
    let mask = UInt64(1) << UInt64(bit)
    guard let slot = sink.pointee.slot(of: position) else { return }
    for r in 0..<rows where Int32(position) < sink.pointee.rowFields[r] {
      guard let bytes = sink.pointee.fieldBytes(sink.pointee.rowFirst[r] + slot), !bytes.isEmpty,
        !missing.isToken(bytes)
      else { continue }
      let row = base + r
      guard let selected = Self.splitFlag(bytes) else {
        splitConflicts.append(
          SplitConflict(row: row, position: position, bit: bit, kind: .unreadable(String(decoding: bytes, as: UTF8.self))))
        continue
      }
      let listed: Bool
      switch state[row] {
      case .present: listed = selections[row] & mask != 0
      case .empty: listed = false
      case .invalid, .missingCode: continue
      }
      if selected != listed {
        splitConflicts.append(
          SplitConflict(row: row, position: position, bit: bit, kind: selected ? .selectedOnlyInSplit : .selectedOnlyInWhole))
      }
    }
  }

  /// `1`, `true`, `yes` (selected) or `0`, `false`, `no` (not), any case; nil for anything else.
  @inline(__always)
  static func splitFlag(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    // The usual cells, without making a string.
    if bytes.count == 1 {
      if bytes[0] == UInt8(ascii: "1") { return true }
      if bytes[0] == UInt8(ascii: "0") { return false }
    }
    switch String(decoding: bytes, as: UTF8.self).lowercased() {
    case "1", "true", "yes": return true
    case "0", "false", "no": return false
    default: return nil
    }
  }
}

extension SplitConflict {
  /// The `multiple-disagree` message: names the split column, the option and the variable,
  /// never the respondent's answer; for a personal-data (`pii`) variable not even whether the
  /// option was selected (that would be the answer).
  func message(column: String, variable: String, option: String, pii: Bool = false) -> String {
    let split = "column \(position + 1) ('\(column)')"
    let read = "\(variable) is read from its space-separated column"
    if pii { return "\(split) does not agree with the space-separated \(variable); \(read)" }
    switch kind {
    case .selectedOnlyInSplit:
      return "\(split) marks \(option) selected (1), but the space-separated \(variable) does not list it; \(read)"
    case .selectedOnlyInWhole:
      return "\(split) marks \(option) not selected (0), but the space-separated \(variable) lists it; \(read)"
    case .unreadable:
      return "\(split) for \(option) holds neither 0 nor 1; \(read)"
    }
  }

  /// The split cell as it arrived.
  var value: String {
    switch kind {
    case .selectedOnlyInSplit: return "1"
    case .selectedOnlyInWhole: return "0"
    case .unreadable(let text): return text
    }
  }
}
