import Foundation
import SurveyCore

/// Matches a batch's header names to the schema's fields: case- and space-insensitively, through
/// aliases, through the group paths of Kobo and ODK exports (`grp/sex`, `grp-sex`), and
/// `question/code` or `question.code` columns to the codes of a multi-select.
///
/// An exact name or alias wins over a name found by dropping a group path, whatever the order
/// of the columns; Kobo and ODK meta columns the codebook does not name are set apart (not
/// reported one by one).
///
/// With `headers: .labels` (a Kobo export made with "Labels") a column may also be named by the
/// question's label ("Group label/Question label", split multi-selects "Question label/Option
/// label"). A name or alias wins over a label; a label two questions share names neither.
struct HeaderMatcher {
  let schema: IngestSchema
  private var byName: [String: Int] = [:]
  /// Whether headers name questions by their labels (a Kobo export made with labels).
  private let labelled: Bool
  /// Per field, with labels: the normalized labels of its codes, for split multi-select columns.
  private var optionLabels: [[String]] = []

  init(schema: IngestSchema, headers: HeaderFormat = .names) {
    self.schema = schema
    labelled = headers == .labels
    for (index, field) in schema.fields.enumerated() {
      for name in [field.name] + field.aliases {
        byName[HeaderName.normalized(name)] = index
      }
    }
    guard labelled else { return }
    var byLabel: [String: [Int]] = [:]
    for (index, field) in schema.fields.enumerated() {
      guard let label = field.label.map(HeaderName.normalized), !label.isEmpty else { continue }
      byLabel[label, default: []].append(index)
    }
    for (label, fields) in byLabel where fields.count == 1 && byName[label] == nil {
      byName[label] = fields[0]
    }
    optionLabels = schema.fields.map { $0.levelLabels.map(HeaderName.normalized) }
  }

  /// A header column that names a variable (or a code of one) another column already names.
  struct Duplicate {
    var position: Int
    var name: String
    var field: String
    /// The column that is read.
    var firstPosition: Int
    var firstName: String
  }

  /// A header column that matches no variable.
  struct Unknown {
    var position: Int
    var name: String
    /// Without its group path it would match this variable, which another column names exactly.
    var shadowedBy: (field: String, position: Int, name: String)?
  }

  /// A split multi-select column for a code the variable does not have.
  struct UnknownOption {
    var position: Int
    var name: String
    var field: String
    var option: String
  }

  struct Result {
    var targets: [FieldTarget]
    var unknown: [Unknown] = []
    var duplicates: [Duplicate] = []
    /// Fields with no column at all.
    var missing: [Int] = []
    /// Kobo/ODK meta columns the codebook does not name (not read).
    var meta: [(position: Int, name: String)] = []
    var unknownOptions: [UnknownOption] = []
  }

  func match(_ header: [String]) -> Result {
    let keys = header.map(HeaderName.normalized)
    let dashGroups = ExportHeader.joinsGroupsWithDash(keys)
    var result = Result(targets: Array(repeating: .ignore, count: header.count))
    // Pass 1: exact names and aliases, which win over names found by dropping a group path.
    var exact: [Int: Int] = [:]
    for (position, key) in keys.enumerated() {
      guard let index = byName[key] else { continue }
      if let first = exact[index] {
        result.duplicates.append(duplicate(position, of: first, field: index, header))
      } else {
        exact[index] = position
        result.targets[position] = .column(index)
      }
    }
    // Pass 2: split multi-select columns, then group paths, then meta columns.
    var stripped: [Int: Int] = [:]
    var splits: [[Int]: Int] = [:]
    for (position, key) in keys.enumerated() where byName[key] == nil {
      switch splitTarget(key, dashGroups: dashGroups) {
      case .code(let index, let bit):
        if let first = splits[[index, bit]] {
          result.duplicates.append(duplicate(position, of: first, field: index, header))
        } else {
          splits[[index, bit]] = position
          result.targets[position] = .split(column: index, bit: bit)
        }
        continue
      case .unknownCode(let index, let separator):
        // `Group label/Question label` where the group's label is also a multi-select's: the
        // question inside the group, not an unknown option.
        if ExportHeader.withoutGroups(key, dashGroups: dashGroups).contains(where: { byName[$0] != nil }) { break }
        let name = header[position]
        let option = name.range(of: separator, options: .backwards).map { String(name[$0.upperBound...]) } ?? name
        result.unknownOptions.append(
          UnknownOption(
            position: position, name: name, field: schema.fields[index].name,
            option: option.trimmingCharacters(in: .whitespaces)))
        continue
      case nil: break
      }
      if let index = ExportHeader.withoutGroups(key, dashGroups: dashGroups).lazy.compactMap({ byName[$0] }).first {
        if let first = exact[index] {
          if ExportHeader.isMeta(key) {
            result.meta.append((position, header[position]))
          } else {
            result.unknown.append(
              Unknown(
                position: position, name: header[position],
                shadowedBy: (schema.fields[index].name, first, header[first])))
          }
        } else if let first = stripped[index] {
          result.duplicates.append(duplicate(position, of: first, field: index, header))
        } else {
          stripped[index] = position
          result.targets[position] = .column(index)
        }
        continue
      }
      if ExportHeader.isMeta(key) {
        result.meta.append((position, header[position]))
      } else {
        result.unknown.append(Unknown(position: position, name: header[position]))
      }
    }
    // A multi-select with its space-separated column too: that column is read, and the split
    // columns are checked against it.
    let whole = Set(exact.keys).union(stripped.keys)
    for (position, target) in result.targets.enumerated() {
      if case .split(let index, let bit) = target, whole.contains(index) {
        result.targets[position] = .check(column: index, bit: bit)
      }
    }
    let present = whole.union(splits.keys.map { $0[0] })
    result.missing = schema.fields.indices.filter { !present.contains($0) }
    return result
  }

  private func duplicate(_ position: Int, of first: Int, field: Int, _ header: [String]) -> Duplicate {
    Duplicate(
      position: position, name: header[position], field: schema.fields[field].name, firstPosition: first,
      firstName: header[first])
  }

  enum SplitTarget {
    case code(column: Int, bit: Int)
    /// The question is a multi-select, but the code (after `separator`) is not one of its codes.
    case unknownCode(column: Int, separator: String)
  }

  /// `question/code` or `question.code`, the question named exactly or after a group path.
  private func splitTarget(_ key: String, dashGroups: Bool) -> SplitTarget? {
    var unknown: SplitTarget?
    for separator in ["/", "."] {
      // The last separator first; with labels, earlier ones too, as an option's label may
      // hold one ("Symptoms/Fever/Chills": the option "Fever/Chills").
      for range in separatorRanges(separator, in: key) {
        let question = String(key[..<range.lowerBound])
        let code = String(key[range.upperBound...])
        guard
          let index = byName[question] ?? ExportHeader.withoutGroups(question, dashGroups: dashGroups).lazy.compactMap({ byName[$0] }).first,
          schema.fields[index].type == .multiple
        else { continue }
        if let bit = optionBit(code, field: index) { return .code(column: index, bit: bit) }
        if unknown == nil { unknown = .unknownCode(column: index, separator: separator) }
      }
    }
    return unknown
  }

  /// Where `separator` stands in `key` before a non-empty rest, the last first; only the last
  /// when headers are names.
  private func separatorRanges(_ separator: String, in key: String) -> [Range<String.Index>] {
    var ranges: [Range<String.Index>] = []
    var end = key.endIndex
    while let range = key.range(of: separator, options: .backwards, range: key.startIndex..<end) {
      if range.upperBound < key.endIndex { ranges.append(range) }
      if !labelled { break }
      end = range.lowerBound
    }
    return ranges
  }

  /// The option of multi-select `field` that a split column's `code` part names: with labels,
  /// an option's label before a code spelled like it (as cells are read); otherwise its code.
  private func optionBit(_ code: String, field: Int) -> Int? {
    let byCode = { self.schema.fields[field].levels.firstIndex { HeaderName.normalized($0) == code } }
    guard labelled else { return byCode() }
    return optionLabels[field].firstIndex(of: code) ?? byCode()
  }
}
