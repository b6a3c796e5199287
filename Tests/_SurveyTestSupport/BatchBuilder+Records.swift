/// Records: values, quoting, and the mutations that damage them.
extension BatchBuilder {
  mutating func chooseMutation(hasEarlierIDs: Bool) -> Mutation? {
    guard mutationRate > 0, random.chance(mutationRate) else { return nil }
    var kinds: [Mutation] = [.ragged, .ragged, .strayQuote, .strayQuote, .strayQuote, .wrongDelimiter, .wrongDelimiter]
    kinds += [.lineBreakInPlainColumn]
    if hasEarlierIDs { kinds += [.repeatedID, .repeatedID] }
    return random.pick(kinds)
  }

  /// Appends one record (with its mutation) and notes what the tidy data must hold for it.
  mutating func record(id: String, mutation: Mutation?, earlierIDs: [String]) {
    let written = mutation == .repeatedID ? random.pick(earlierIDs) : id
    var texts: [String: [Piece]?] = [:]
    var cells: [String: ExpectedCell] = ["id": .text(written)]
    texts["id"] = [.text(written)]
    texts["name"] = [.text(values.name(&random, marker: marker + written))]
    texts["phone"] = [.text(values.phone(&random, marker: marker + written))]
    for (variable, make) in [("age", values.age), ("income", values.income), ("region", values.region), ("w", values.weight)] {
      let (text, cell) = make(&random)
      texts[variable] = text.isEmpty ? .some(nil) : [.text(text)]
      cells[variable] = cell
    }
    let city = values.city(&random)
    texts["city"] = .some(city.map { [.text($0)] })
    cells["city"] = city.map { .text($0) } ?? .missing
    let note = values.note(&random)
    texts["note"] = .some(note)
    cells["note"] = note.map { .text($0.joinedText) } ?? .missing
    if mutation == .lineBreakInPlainColumn {
      texts["city"] = [.text("Old"), .lineBreak(random.pick(values.lineEnds)), .text("Town")]
    }

    var fieldDelimiter = delimiter
    if mutation == .wrongDelimiter {
      fieldDelimiter = random.pick(Self.delimiters.filter { $0 != delimiter })
      // Without the file's delimiter in any value, the row cannot pass for a sound record.
      for (variable, pieces) in texts {
        texts[variable] = .some(pieces.map { $0.map { $0.removing(delimiter) } })
      }
    }
    var fields = columns.map { field(texts[$0]!, delimiter: fieldDelimiter) }
    switch mutation {
    case .ragged:
      if random.chance(0.5) { fields.removeLast() } else { fields.append([.text("extra")]) }
    case .strayQuote:
      let index = random.int(0...(fields.count - 1))
      fields[index] = strayQuote(fields[index])
    default: break
    }
    var pieces: [Piece] = []
    for (index, field) in fields.enumerated() {
      if index > 0 { pieces.append(.text(String(fieldDelimiter))) }
      pieces += field
    }
    let firstLine = counts.total + 1
    append(pieces)
    if let mutation {
      mutations.append("line \(firstLine) \(mutation.rawValue)")
      if mutation.isHostile { hostile = true }
    }
    counts.records += 1
    counts.continuation += pieces.lineBreakCount
    records.append(IntendedRecord(batch: name, firstLine: firstLine, id: written, mutation: mutation, cells: cells))
  }

  /// A value as a field: nil is an empty unquoted field (missing), `[]` a quoted empty text.
  mutating func field(_ value: [Piece]?, delimiter: Character) -> [Piece] {
    guard let value else { return [] }
    let text = value.joinedText
    let needsQuotes =
      text.isEmpty || value.lineBreakCount > 0 || text.contains(delimiter) || text.contains("\"")
      || text.contains("\t") || text.first == " " || text.last == " "
    let quoted = needsQuotes || quoting == 1 || (quoting == 2 && random.chance(0.4))
    guard quoted else { return value }
    let escaped = value.map { piece -> Piece in
      if case .text(let text) = piece { return .text(text.replacingOccurrences(of: "\"", with: "\"\"")) }
      return piece
    }
    return [.text("\"")] + escaped + [.text("\"")]
  }

  /// The field with a `"` put before it, after it, or inside its first text.
  mutating func strayQuote(_ field: [Piece]) -> [Piece] {
    switch random.int(0...2) {
    case 0: return [.text("\"")] + field
    case 1: return field + [.text("\"")]
    default:
      guard let index = field.firstIndex(where: { if case .text(let t) = $0 { return !t.isEmpty } else { return false } }),
        case .text(let text) = field[index]
      else { return [.text("\"")] + field }
      var characters = Array(text)
      characters.insert("\"", at: random.int(0...characters.count))
      var result = field
      result[index] = .text(String(characters))
      return result
    }
  }

  /// Cuts the file inside its last record: what follows the record goes, and the record ends
  /// part-way through one of its lines, with no line end.
  mutating func truncateLastRecord() {
    guard var record = records.popLast() else { return }
    let first = record.firstLine - 1
    guard let line = (first..<lines.count).filter({ lines[$0].content.count >= 2 }).randomElement(using: &random)
    else {
      records.append(record)
      return
    }
    var kept = Array(lines[line].content)
    kept.removeLast(random.int(1...(kept.count - 1)))
    lines.removeSubrange((line + 1)...)
    lines[line] = (String(kept), "")
    counts.total = lines.count
    record.mutation = .truncated
    records.append(record)
    mutations.append("line \(record.firstLine) truncated at line \(line + 1)")
    hostile = true
  }
}

extension Piece {
  /// The piece without any `character` in its text.
  func removing(_ character: Character) -> Piece {
    if case .text(let text) = self { return .text(text.filter { $0 != character }) }
    return self
  }
}
