import Foundation

/// How to write one record.
struct RecordPlan {
  var mutation: Mutation?
  /// Values without quotes, delimiters, tabs, line breaks or edge spaces, and no field quoted:
  /// nothing between a pair of stray quotes may end the field they open.
  var plain = false
  /// For ``Mutation/strayQuotePair`` and ``Mutation/closingStrayQuote``: the header position
  /// of the field that gets the stray quote.
  var quoteColumn = 0
  /// The record has a design weight (it is not dropped as `missing-design`).
  var weighted = false
}

/// Records: values, quoting, and the mutations that damage them.
extension BatchBuilder {
  mutating func chooseMutation(hasEarlierIDs: Bool) -> Mutation? {
    guard mutationRate > 0, random.chance(mutationRate) else { return nil }
    var kinds: [Mutation] = [.ragged, .ragged, .strayQuote, .strayQuote, .strayQuote, .wrongDelimiter, .wrongDelimiter]
    kinds += [.lineBreakInPlainColumn, .strayQuotePair, .strayQuotePair]
    if hasEarlierIDs { kinds += [.repeatedID, .repeatedID] }
    return random.pick(kinds)
  }

  /// Appends one record (with its mutation) and notes what the tidy data must hold for it.
  mutating func record(id: String, plan: RecordPlan, earlierIDs: [String]) {
    let mutation = plan.mutation
    let written = mutation == .repeatedID ? random.pick(earlierIDs) : id
    var (texts, cells) = values(id: written, plan: plan)
    if mutation == .lineBreakInPlainColumn {
      texts["city"] = [.text("Old"), .lineBreak(random.pick(values.lineEnds)), .text("Town")]
    }
    let pieces = render(texts, plan: plan)
    let firstLine = counts.total + 1
    append(pieces)
    if let mutation {
      let paired = mutation == .strayQuotePair || mutation == .closingStrayQuote
      let column = paired ? " in \(columns[plan.quoteColumn])" : ""
      mutations.append("line \(firstLine) \(mutation.rawValue)\(column)")
      if mutation.isHostile { hostile = true }
    }
    counts.records += 1
    counts.continuation += pieces.lineBreakCount
    records.append(
      IntendedRecord(
        batch: name, firstLine: firstLine, id: written, mutation: mutation, cells: cells,
        quotedColumn: mutation == .strayQuotePair ? columns[plan.quoteColumn] : nil))
  }

  /// Each variable's text (nil: missing) and what the tidy data and cleaning log must show for it.
  mutating func values(id: String, plan: RecordPlan) -> (texts: [String: [Piece]?], cells: [String: ExpectedCell]) {
    var texts: [String: [Piece]?] = ["id": [.text(id)]]
    var cells: [String: ExpectedCell] = ["id": .text(id)]
    texts["name"] = [.text(values.name(&random, marker: marker + id))]
    let (phone, phoneCell) = values.phone(&random, marker: marker + id)
    texts["phone"] = [.text(phone)]
    cells["phone"] = phoneCell
    let numbers = [("age", values.age), ("income", values.income), ("region", values.region), ("w", values.weight)]
    for (variable, make) in numbers {
      var (text, cell) = make(&random)
      // Plain records write no number that holds the delimiter (a decimal comma in a comma file).
      while (plan.plain && text.contains(delimiter)) || (plan.weighted && variable == "w" && text.isEmpty) {
        (text, cell) = make(&random)
      }
      texts[variable] = text.isEmpty ? .some(nil) : [.text(text)]
      cells[variable] = cell
    }
    var city = values.city(&random).map { [Piece.text($0)] }
    var note = values.note(&random)
    if plan.plain {
      city = plainText(city)
      note = plainText(note)
      for variable in ["name", "phone"] { texts[variable] = .some(plainText(texts[variable]!)) }
    }
    texts["city"] = .some(city)
    cells["city"] = city.map { .text($0.joinedText) } ?? .missing
    texts["note"] = .some(note)
    cells["note"] = note.map { .text($0.joinedText) } ?? .missing
    return (texts, cells)
  }

  /// The record's fields in header order, quoted and joined, with the plan's mutation applied.
  mutating func render(_ texts: [String: [Piece]?], plan: RecordPlan) -> [Piece] {
    var texts = texts
    var fieldDelimiter = delimiter
    if plan.mutation == .wrongDelimiter {
      fieldDelimiter = random.pick(Self.delimiters.filter { $0 != delimiter })
      // Without the file's delimiter in any value, the row cannot pass for a sound record.
      for (variable, pieces) in texts {
        texts[variable] = .some(pieces.map { $0.map { $0.removing(delimiter) } })
      }
    }
    var fields = columns.map { field(texts[$0]!, delimiter: fieldDelimiter, plain: plan.plain) }
    switch plan.mutation {
    case .ragged?:
      if random.chance(0.5) { fields.removeLast() } else { fields.append([.text("extra")]) }
    case .strayQuote?:
      let index = random.int(0...(fields.count - 1))
      fields[index] = strayQuote(fields[index])
    case .strayQuotePair?:
      fields[plan.quoteColumn] = [.text("\"")] + fields[plan.quoteColumn]
    case .closingStrayQuote?:
      fields[plan.quoteColumn] += [.text("\"")]
    default: break
    }
    var pieces: [Piece] = []
    for (index, field) in fields.enumerated() {
      if index > 0 { pieces.append(.text(String(fieldDelimiter))) }
      pieces += field
    }
    return pieces
  }

  /// Text with nothing that could end a stray quote's field or need quoting: no quote,
  /// delimiter, tab or line break, no edge spaces; nil when nothing is left.
  func plainText(_ value: [Piece]?) -> [Piece]? {
    guard let value else { return nil }
    let text = value.map { piece -> String in
      if case .text(let text) = piece { return text }
      return " "
    }.joined().filter { $0 != "\"" && $0 != delimiter && $0 != "\t" }
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    return trimmed.isEmpty ? nil : [.text(trimmed)]
  }

  /// A value as a field: nil is an empty unquoted field (missing), `[]` a quoted empty text.
  mutating func field(_ value: [Piece]?, delimiter: Character, plain: Bool = false) -> [Piece] {
    guard let value else { return [] }
    let text = value.joinedText
    let needsQuotes =
      text.isEmpty || value.lineBreakCount > 0 || text.contains(delimiter) || text.contains("\"")
      || text.contains("\t") || text.first == " " || text.last == " "
    let quoted = needsQuotes || (!plain && (quoting == 1 || (quoting == 2 && random.chance(0.4))))
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
      guard let index = field.firstIndex(where: { $0 != .text("") && $0.isText }), case .text(let text) = field[index]
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
  /// True for text (not a line break).
  var isText: Bool {
    if case .text = self { return true }
    return false
  }

  /// The piece without any `character` in its text.
  func removing(_ character: Character) -> Piece {
    if case .text(let text) = self { return .text(text.filter { $0 != character }) }
    return self
  }
}
