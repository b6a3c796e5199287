import SurveyCore

/// Builds one batch file line by line, counting what each physical line is.
struct BatchBuilder {
  var random: SeededRandom
  let name: String
  let marker: String
  let mutationRate: Double
  let encoding: GeneratedEncoding
  let delimiter: Character
  let delimiterDeclared: Bool
  /// UTF-8 files are read with `encoding: auto` or declared; single-byte ones always declared.
  let encodingDeclared: Bool
  let values: ValueMaker
  let lineEndStyle: String
  /// 0: quote only where needed; 1: quote every field; 2: quote at random.
  let quoting: Int
  let columns: [String]

  var lines: [(content: String, end: String)] = []
  var counts = GeneratedBatch.LineCounts()
  var records: [IntendedRecord] = []
  var emptyRecordLines: [Int] = []
  var mutations: [String] = []
  var hostile = false

  static let delimiters: [Character] = [",", ";", "\t"]

  init(name: String, random: SeededRandom, marker: String, mutationRate: Double) {
    var random = random
    self.name = name
    self.marker = marker
    self.mutationRate = mutationRate
    encoding = random.pick(GeneratedEncoding.allCases)
    delimiter = random.pick(Self.delimiters)
    delimiterDeclared = random.chance(0.5)
    encodingDeclared = encoding.isSingleByte || random.chance(0.5)
    let decimalComma = random.chance(0.3)
    let styles: [(String, [String])] = [
      ("LF", ["\n"]), ("CR LF", ["\r\n"]), ("CR", ["\r"]), ("mixed", ["\n", "\r\n", "\r"]),
    ]
    let style = random.pick(styles)
    lineEndStyle = style.0
    values = ValueMaker(encoding: encoding, decimalComma: decimalComma, lineEnds: style.1)
    quoting = random.int(0...2)
    var columns = GeneratedSurvey.variables
    if random.chance(0.3) { columns.shuffle(using: &random) }
    self.columns = columns
    self.random = random
  }

  var delimiterName: String {
    switch delimiter {
    case ",": return "comma"
    case ";": return "semicolon"
    default: return "tab"
    }
  }

  /// The header, then records with blank lines and empty records among them; the first
  /// `soundRecords` records are neither damaged nor without a weight.
  mutating func build(firstID: Int, earlierIDs: [String], soundRecords: Int) {
    for _ in 0..<(random.chance(0.15) ? random.int(1...2) : 0) { blankLine() }
    if delimiterDeclared, random.chance(0.1) { emptyRecord() }
    header()
    var ids = earlierIDs
    let count = random.int(3...12)
    // A pair of stray quotes: one opens a quoted field, one a few records later closes it.
    var pair: (closing: Int, column: Int)?
    for index in 0..<count {
      if random.chance(0.08) { blankLine() }
      // Empty records may hold `""`, which would end a stray quote's field early.
      if pair == nil, random.chance(0.05) { emptyRecord() }
      let id = String(format: "R%04d", firstID + index)
      var plan = RecordPlan(mutation: chooseMutation(hasEarlierIDs: !ids.isEmpty))
      if index < soundRecords {
        plan = RecordPlan(mutation: nil, weighted: true)
      } else if let open = pair {
        let mutation: Mutation? = index == open.closing ? .closingStrayQuote : nil
        plan = RecordPlan(mutation: mutation, plain: true, quoteColumn: open.column)
        if index == open.closing { pair = nil }
      } else if plan.mutation == .strayQuotePair {
        if index == count - 1 {
          plan.mutation = .strayQuote
        } else {
          pair = (index + random.int(1...min(3, count - 1 - index)), random.int(0...(columns.count - 1)))
          plan = RecordPlan(mutation: .strayQuotePair, plain: true, quoteColumn: pair!.column)
        }
      }
      record(id: id, plan: plan, earlierIDs: ids)
      ids.append(id)
    }
    if random.chance(0.2) { blankLine() }
    if mutationRate > 0, random.chance(mutationRate * 2), records.last?.mutation == nil { truncateLastRecord() }
    if !hostile, let last = lines.last, !last.content.isEmpty, random.chance(0.2) {
      lines[lines.count - 1].end = ""
    }
    separateLoneCarriageReturns()
  }

  func batch() -> GeneratedBatch {
    let text = lines.map { $0.content + $0.end }.joined()
    let declaredEncoding = encodingDeclared ? encoding.pipelineName : nil
    let decimal = values.decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
    let delimiterByte = delimiter.asciiValue!
    var summary = "\(encoding)\(declaredEncoding == nil ? " (auto)" : " (declared)"), delimiter \(delimiterName)"
    summary += delimiterDeclared ? " (declared)" : " (sniffed)"
    summary += ", decimal \(values.decimalComma ? "comma" : "point"), line ends \(lineEndStyle), quoting "
    summary += ["minimal", "all", "random"][quoting] + ", columns " + columns.joined(separator: " ")
    summary += "; lines: \(counts)"
    if !mutations.isEmpty { summary += "; mutations: " + mutations.joined(separator: ", ") }
    return GeneratedBatch(
      name: name, bytes: encoding.encode(text), declaredEncoding: declaredEncoding,
      declaredDelimiter: delimiterDeclared ? delimiterName : nil, delimiter: delimiterByte,
      decimalComma: values.decimalComma,
      readOptions: ReadOptions(
        encoding: declaredEncoding.flatMap { TextEncoding(name: $0) },
        delimiter: delimiterDeclared ? delimiterByte : nil,
        decimal: decimal),
      lines: counts, hostile: hostile, emptyRecordLines: emptyRecordLines, summary: summary)
  }

  // MARK: Lines

  mutating func append(_ content: String) {
    lines.append((content, random.pick(values.lineEnds)))
    counts.total += 1
  }

  /// Appends a record's pieces as physical lines (a line break inside a quoted field ends one).
  mutating func append(_ pieces: [Piece]) {
    var content = ""
    for piece in pieces {
      switch piece {
      case .text(let text): content += text
      case .lineBreak(let end):
        lines.append((content, end))
        counts.total += 1
        content = ""
      }
    }
    append(content)
  }

  mutating func blankLine() {
    append(random.chance(0.7) ? "" : String(repeating: " ", count: random.int(1...3)))
    counts.blank += 1
  }

  mutating func emptyRecord() {
    let fields = (0..<random.int(2...columns.count)).map { _ in random.chance(0.8) ? "" : "\"\"" }
    append(fields.joined(separator: String(delimiter)))
    counts.emptyRecords += 1
    emptyRecordLines.append(counts.total)
  }

  mutating func header() {
    let names = columns.map { name -> String in
      let shown = random.chance(0.1) ? name.uppercased() : name
      return quoting == 1 || (quoting == 2 && random.chance(0.3)) ? "\"\(shown)\"" : shown
    }
    append(names.joined(separator: String(delimiter)))
    counts.header += 1
  }

  /// A CR ending a line and the LF ending an empty line after it would read as one CR LF: the
  /// empty line gets a CR LF instead. (Line breaks inside fields never follow each other.)
  mutating func separateLoneCarriageReturns() {
    for index in lines.indices.dropFirst() where lines[index - 1].end == "\r" && lines[index].content.isEmpty {
      if lines[index].end == "\n" { lines[index].end = "\r\n" }
    }
  }
}
