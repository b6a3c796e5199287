import Foundation
import SurveyCore

/// What a run produced, as the conservation check reads it: the output texts and the line and
/// record counts the tool reported (from `run.json`, or from the stages in process).
public struct RunOutputs: Sendable {
  public var tidy: String
  public var cleaningLog: String
  /// Every text the run wrote or printed, by name, to search for personal data.
  public var texts: [(name: String, text: String)]
  /// Per batch name: the line account the tool reported, and whether it said every line was accounted for.
  public var lines: [String: (counts: GeneratedBatch.LineCounts, accounted: Bool)]
  public var raw: Int
  public var tidyRecords: Int
  public var dropped: Int

  public init(
    tidy: String, cleaningLog: String, texts: [(name: String, text: String)],
    lines: [String: (counts: GeneratedBatch.LineCounts, accounted: Bool)], raw: Int, tidyRecords: Int, dropped: Int
  ) {
    self.tidy = tidy
    self.cleaningLog = cleaningLog
    self.texts = texts
    self.lines = lines
    self.raw = raw
    self.tidyRecords = tidyRecords
    self.dropped = dropped
  }
}

/// The invariant of a run over a ``GeneratedSurvey``: every physical line is in a record, every
/// record is in the tidy data or dropped in the cleaning log with its reason, sound records
/// keep their values, and no personal data reaches any output. Returns the problems found.
public struct ConservationCheck {
  /// Cleaning-log reasons that drop a whole record (the others change one value).
  public static let dropReasons: Set<String> = [
    "ragged-row", "bad-quote", "quoted-line-break", "duplicate-id", "missing-design", "decision",
  ]

  let survey: GeneratedSurvey
  let outputs: RunOutputs
  let tidy: CSVTable
  let log: CSVTable
  public private(set) var problems: [String] = []

  public init(_ survey: GeneratedSurvey, _ outputs: RunOutputs) {
    self.survey = survey
    self.outputs = outputs
    tidy = CSVTable(outputs.tidy)
    log = CSVTable(outputs.cleaningLog)
    checkLines()
    checkRecordCounts()
    checkRecords()
    checkLeaks()
  }

  mutating func fail(_ message: String) { problems.append(message) }

  /// The cleaning-log rows that drop a record, by batch and line.
  var drops: [String: [[String: CSVTable.Cell]]] {
    Dictionary(grouping: log.rows.filter { Self.dropReasons.contains($0["reason"]?.text ?? "") }) { row in
      "\(row["batch"]?.text ?? "")|\(row["line"]?.text ?? "")"
    }
  }

  mutating func checkLines() {
    for batch in survey.batches {
      guard let reported = outputs.lines[batch.name] else {
        fail("\(batch.name): no line account reported")
        continue
      }
      if !reported.accounted { fail("\(batch.name): lines not accounted for: \(reported.counts)") }
      if reported.counts.total != batch.lines.total {
        fail("\(batch.name): \(reported.counts.total) lines reported, the file has \(batch.lines.total)")
      } else if !batch.hostile, reported.counts != batch.lines {
        fail("\(batch.name): lines read as \(reported.counts), written as \(batch.lines)")
      }
    }
  }

  mutating func checkRecordCounts() {
    let drops = log.rows.filter { Self.dropReasons.contains($0["reason"]?.text ?? "") }
    if outputs.raw != outputs.tidyRecords + outputs.dropped {
      fail("records: raw \(outputs.raw) != tidy \(outputs.tidyRecords) + dropped \(outputs.dropped)")
    }
    if tidy.rows.count != outputs.tidyRecords {
      fail("tidy data has \(tidy.rows.count) rows, \(outputs.tidyRecords) reported")
    }
    if drops.count != outputs.dropped { fail("cleaning log drops \(drops.count) records, \(outputs.dropped) reported") }
    let lineRecords = outputs.lines.values.reduce(0) { $0 + $1.counts.records }
    if lineRecords != outputs.raw { fail("line accounts hold \(lineRecords) records, \(outputs.raw) raw reported") }
    for row in log.rows where (row["reason"]?.text ?? "").isEmpty || Int(row["line"]?.text ?? "") == nil {
      // A variable the pipeline adds has one summary row, with no record or line.
      let reason = row["reason"]?.text ?? ""
      let summary = (reason.hasPrefix("recode:") || reason.hasPrefix("derive:")) && (row["record_id"]?.text ?? "").isEmpty
      if !summary { fail("a cleaning-log row without a reason or line: \(row)") }
    }
    for (key, rows) in self.drops where rows.count > 1 { fail("record at \(key) dropped \(rows.count) times") }
  }

  mutating func checkRecords() {
    let drops = self.drops
    let tidyByID = Dictionary(grouping: tidy.rows) { $0["id"]?.text ?? "" }
    var firstRecordOfID: [String: IntendedRecord] = [:]
    for record in survey.records where firstRecordOfID[record.id] == nil { firstRecordOfID[record.id] = record }
    for record in survey.records {
      let mutation = record.mutation.map { ", \($0.rawValue)" } ?? ""
      let label = "\(record.batch):\(record.firstLine) (\(record.id)\(mutation))"
      let dropReason = drops["\(record.batch)|\(record.firstLine)"]?.first?["reason"]?.text
      guard let damage = record.mutation else {
        checkSound(record, dropReason: dropReason, rows: tidyByID[record.id] ?? [], label: label)
        continue
      }
      // The reason a damaged record must be dropped for, where it is known.
      var expected: String?
      switch damage {
      case .ragged: expected = "ragged-row"
      case .lineBreakInPlainColumn: expected = "quoted-line-break"
      // In a column that may not hold line breaks, the field the quote opens is set aside.
      case .strayQuotePair: expected = record.quotedColumn == "note" ? nil : "quoted-line-break"
      case .repeatedID: expected = firstRecordOfID[record.id]?.mutation == nil ? "duplicate-id" : nil
      // The cut may take the id with it: the row-by-row check in process follows this record.
      case .truncated: continue
      case .strayQuote, .wrongDelimiter, .closingStrayQuote: expected = nil
      }
      if let expected, dropReason != expected {
        fail("\(label): expected a drop as \(expected), got \(dropReason ?? "none")")
      } else if dropReason == nil, tidyByID[record.id] == nil {
        fail("\(label): the record is neither in the tidy data nor dropped in the cleaning log")
      }
    }
  }

  /// A sound record is kept once with its values, unless it has no weight (then dropped).
  mutating func checkSound(
    _ record: IntendedRecord, dropReason: String?, rows: [[String: CSVTable.Cell]], label: String
  ) {
    if let expected = record.expectedDrop {
      if dropReason != expected { fail("\(label): expected a drop as \(expected), got \(dropReason ?? "none")") }
      return
    }
    if let dropReason { fail("\(label): a sound record was dropped (\(dropReason))") }
    guard rows.count == 1 else {
      fail("\(label): a sound record is \(rows.count) times in the tidy data")
      return
    }
    checkValues(record, rows[0], at: label)
  }

  /// The tidy values of a sound record, and the cleaning-log rows about it, are what was written.
  mutating func checkValues(_ record: IntendedRecord, _ row: [String: CSVTable.Cell], at label: String) {
    let changes = log.rows.filter { $0["batch"]?.text == record.batch && $0["line"]?.text == String(record.firstLine) }
    var expectedChanges = 0
    for variable in GeneratedSurvey.variables {
      guard let expected = record.cells[variable] else { continue }
      // Personal data is not in the tidy data: as far as it shows, those cells are blank.
      let blank = CSVTable.Cell(text: "", quoted: false)
      let absent = CSVTable.Cell(text: "<none>", quoted: true)
      let cell = GeneratedSurvey.piiVariables.contains(variable) ? blank : row[variable] ?? absent
      var matches: Bool
      switch expected {
      case .text(let text): matches = (cell.quoted || !text.isEmpty) && Array(cell.text.utf8) == Array(text.utf8)
      case .number(let value): matches = Double(cell.text) == value
      case .code(let code): matches = cell.text == code
      case .missing: matches = cell.isMissing
      case .cleared(let old, let reason):
        matches = cell.isMissing
        expectedChanges += 1
        let logged = changes.contains { change in
          change["variable"]?.text == variable && change["reason"]?.text == reason
            && LogText.shows(change["old_value"]?.text ?? "", old) && change["record_id"]?.text == record.id
        }
        if !logged { fail("\(label): no cleaning-log row for \(variable) \(old.debugDescription) (\(reason))") }
      }
      if !matches { fail("\(label): tidy \(variable) is \(cell.text.debugDescription), expected \(expected)") }
    }
    if changes.count != expectedChanges {
      let rows = changes.map { $0.mapValues(\.text) }
      fail("\(label): \(changes.count) cleaning-log rows, expected \(expectedChanges): \(rows)")
    }
  }

  mutating func checkLeaks() {
    for (name, text) in outputs.texts where text.contains(GeneratedSurvey.piiMarker) {
      let start = text.range(of: GeneratedSurvey.piiMarker)!.lowerBound
      let from = text.index(start, offsetBy: -60, limitedBy: text.startIndex) ?? text.startIndex
      let context = text[from..<start]
      fail("personal data in \(name): …\(context.debugDescription)\(GeneratedSurvey.piiMarker)…")
    }
  }
}
