import SurveyCore

/// Matches a batch's header names to the schema's fields: case- and space-insensitively, through
/// aliases, and `question/code` or `question.code` columns to the codes of a multi-select.
struct HeaderMatcher {
  let schema: IngestSchema
  private var byName: [String: Int] = [:]

  init(schema: IngestSchema) {
    self.schema = schema
    for (index, field) in schema.fields.enumerated() {
      for name in [field.name] + field.aliases {
        byName[HeaderName.normalized(name)] = index
      }
    }
  }

  struct Result {
    var targets: [FieldTarget]
    var unknown: [(position: Int, name: String)]
    var duplicates: [(position: Int, name: String, field: String)]
    /// Fields with no column at all.
    var missing: [Int]
  }

  func match(_ header: [String]) -> Result {
    var result = Result(targets: [], unknown: [], duplicates: [], missing: [])
    var taken = Set<Int>()
    var takenSplits = Set<[Int]>()
    var present = Set<Int>()
    for (position, name) in header.enumerated() {
      let key = HeaderName.normalized(name)
      if let index = byName[key] {
        if taken.contains(index) {
          result.duplicates.append((position, name, schema.fields[index].name))
          result.targets.append(.ignore)
        } else {
          taken.insert(index)
          present.insert(index)
          result.targets.append(.column(index))
        }
        continue
      }
      if let split = splitTarget(key) {
        if takenSplits.contains([split.column, split.bit]) {
          result.duplicates.append((position, name, schema.fields[split.column].name))
          result.targets.append(.ignore)
        } else {
          takenSplits.insert([split.column, split.bit])
          present.insert(split.column)
          result.targets.append(.split(column: split.column, bit: split.bit))
        }
        continue
      }
      result.unknown.append((position, name))
      result.targets.append(.ignore)
    }
    result.missing = schema.fields.indices.filter { !present.contains($0) }
    return result
  }

  private func splitTarget(_ key: String) -> (column: Int, bit: Int)? {
    for separator in ["/", "."] {
      guard let range = key.range(of: separator, options: .backwards) else { continue }
      let question = String(key[..<range.lowerBound])
      let code = String(key[range.upperBound...])
      guard let index = byName[question], schema.fields[index].type == .multiple else { continue }
      if let bit = schema.fields[index].levels.firstIndex(where: { HeaderName.normalized($0) == code }) {
        return (index, bit)
      }
    }
    return nil
  }
}
