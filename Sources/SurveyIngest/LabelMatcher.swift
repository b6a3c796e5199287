import SurveyCore

/// Reads the coded cells of an export made with labels (`read: {values: labels}`): KoboToolbox
/// writes a choice's label in the export's language, or its code where the choice has no label
/// there, and joins a multi-select's labels with spaces ("Fever Chest pain").
///
/// Labels are compared with their case and runs of white space ignored ("chest  pain" is
/// "Chest pain"). A label wins over a code that happens to be spelled like it, because the
/// file was written with labels; a cell that is neither is invalid, as in a file of codes.
struct LabelMatcher {
  /// The labels as written, matched from the bytes without making a `String` (Kobo writes them
  /// so): the common case, before the normalized lookup.
  private let written: LevelMatcher
  private let writtenMissing: LevelMatcher
  /// Normalized label → index of the code.
  private var levels: [String: Int32] = [:]
  /// Normalized label → index of the missing code.
  private var missing: [String: Int] = [:]
  /// The most words a label has.
  private var longest = 1

  init(field: IngestField) {
    written = LevelMatcher(field.levelLabels.map { $0.isEmpty ? "\u{0}" : $0 })
    writtenMissing = LevelMatcher(field.missingLabels.map { $0.isEmpty ? "\u{0}" : $0 })
    for (index, label) in field.levelLabels.enumerated() {
      let key = Self.key(label)
      guard !key.isEmpty, levels[key] == nil else { continue }
      levels[key] = Int32(index)
      longest = max(longest, key.split(separator: " ").count)
    }
    for (index, label) in field.missingLabels.enumerated() {
      let key = Self.key(label)
      guard !key.isEmpty, levels[key] == nil, missing[key] == nil else { continue }
      missing[key] = index
    }
  }

  /// `text` lower-cased, its white space runs made one space, without white space at the ends.
  static func key(_ text: String) -> String {
    text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// The index of the code whose label `field` is.
  func level(_ field: UnsafeBufferPointer<UInt8>) -> Int32? {
    written.match(field) ?? levels[Self.key(String(decoding: field, as: UTF8.self))]
  }

  /// The index (among the field's missing codes) of the missing code whose label `field` is.
  func missingCode(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
    writtenMissing.match(field).map(Int.init) ?? missing[Self.key(String(decoding: field, as: UTF8.self))]
  }

  /// The bits of a multi-select's labels (or codes) joined by spaces; nil when the words cannot
  /// be cut into labels and codes, or can be cut in more than one way ("Chest pain" when
  /// "Chest", "pain" and "Chest pain" are all labels).
  func selections(_ field: UnsafeBufferPointer<UInt8>, codes: LevelMatcher) -> UInt64? {
    // One word that is a label as written, the commonest cell, can be cut only one way.
    if !field.contains(0x20), let level = written.match(field) { return 1 << UInt64(level) }
    let words = String(decoding: field, as: UTF8.self).split(whereSeparator: { $0.isWhitespace }).map(String.init)
    if words.isEmpty { return 0 }
    // ways[i]: how many cuts the first i words have (0, 1, or 2 for "more than one");
    // bits[i]: the selections of the one cut when there is one.
    var ways = [Int](repeating: 0, count: words.count + 1)
    var bits = [UInt64](repeating: 0, count: words.count + 1)
    ways[0] = 1
    for end in 1...words.count {
      for start in stride(from: end - 1, through: max(0, end - longest), by: -1) where ways[start] > 0 {
        guard let level = self.level(of: words[start..<end], codes: codes) else { continue }
        ways[end] = min(2, ways[end] + ways[start])
        bits[end] = bits[start] | 1 << UInt64(level)
      }
    }
    return ways[words.count] == 1 ? bits[words.count] : nil
  }

  /// The code a run of words stands for: a label, or one word that is a code.
  private func level(of words: ArraySlice<String>, codes: LevelMatcher) -> Int32? {
    if let level = levels[words.joined(separator: " ").lowercased()] { return level }
    guard words.count == 1, let word = words.first else { return nil }
    var bytes = Array(word.utf8)
    return bytes.withUnsafeMutableBufferPointer { codes.match(UnsafeBufferPointer($0)) }
  }

  /// The first two codes of `field` whose labels read the same, or a missing code's label that
  /// is also a code's: such a file cannot be read back to codes. A code without a label stands
  /// for itself (Kobo writes the code), so `{1: "", 2: "1"}` is ambiguous too.
  static func ambiguity(in field: IngestField) -> (label: String, first: String, second: String)? {
    var seen: [String: (code: String, label: String)] = [:]
    let labelled = Array(zip(field.levels, field.levelLabels)) + Array(zip(field.missingCodes, field.missingLabels))
    for (code, written) in labelled {
      let label = Self.key(written).isEmpty ? code : written
      let key = Self.key(label)
      guard !key.isEmpty else { continue }
      if let first = seen[key], first.code != code { return (first.label, first.code, code) }
      seen[key] = (code, label)
    }
    return nil
  }
}
