import SurveyCore

/// Reads the `survey` sheet row by row into codebook variables: question types, labels,
/// `required`, `relevant` (with the relevance of the groups around a question) and
/// `constraint`; reports what it leaves out.
struct QuestionReader {
  let sheet: FormSheet
  var choices: ChoiceLists?
  let label: Int?
  var variables: [Variable] = []
  /// Per variable: its row in the sheet, as Excel numbers it.
  var rows: [Int] = []
  var reports: [XLSFormTranslation.Report] = []
  /// The relevance of each open group.
  private var groups: [GroupRelevance] = []

  enum GroupRelevance: Equatable {
    case none
    case translated(String)
    /// A relevance that could not be translated (reported): the group's questions may not apply.
    case untranslated
  }
  /// Open repeat groups: their questions are left out.
  private var repeats = 0

  init(sheet: FormSheet, choices: ChoiceLists?, language: String?) {
    self.sheet = sheet
    self.choices = choices
    label = sheet.labelColumn(language)
  }

  /// Meta questions whose value a Kobo or ODK export holds as text.
  static let textTypes: Set<String> = [
    "text", "calculate", "deviceid", "subscriberid", "simserial", "phonenumber", "username", "email", "audit",
    // A time of day (`10:30:00.000+02:00`), a scanned code, "OK", a hidden value, and the order
    // of a rank's codes ("b a c"): kept as the export writes them.
    "time", "barcode", "acknowledge", "hidden", "rank",
  ]
  /// Meta questions that identify a person or a device: personal data (`pii: true`).
  static let personalTypes: Set<String> = ["phonenumber", "subscriberid", "simserial", "deviceid", "email"]
  /// Types with no value in the export.
  static let silentTypes: Set<String> = ["note", "start-geopoint", "xml-external", "csv-external"]

  mutating func read() {
    addOtherChoices()
    for row in sheet.rows.indices {
      let cell = sheet.value(row, "type")
      guard !cell.isEmpty else { continue }
      switch QuestionType(cell) {
      case .beginGroup:
        let text = sheet.value(row, "relevant")
        groups.append(ownRelevance(row).map(GroupRelevance.translated) ?? (text.isEmpty ? .none : .untranslated))
      case .endGroup:
        if groups.isEmpty { report(row, "end_group", "an end_group without a begin_group; ignored") } else { groups.removeLast() }
      case .beginRepeat:
        if repeats == 0 {
          report(row, sheet.value(row, "name"), "a repeat group: its questions are a separate table of the export, left out")
        }
        repeats += 1
      case .endRepeat: repeats = max(0, repeats - 1)
      case .select(let multiple, let list, let orOther):
        guard repeats == 0 else { continue }
        select(row, multiple: multiple, list: list, orOther: orOther)
      case .selectFromElsewhere(let command):
        guard repeats == 0, !sheet.value(row, "name").isEmpty else { continue }
        report(row, sheet.value(row, "name"), "'\(command)' takes its choices from a file outside the form; left out")
      case .plain(let type):
        guard repeats == 0 else { continue }
        question(row, type: type)
      }
    }
  }

  /// pyxform adds the choice `other` ("Other") to the list of every `or_other` select that lacks
  /// it, so that every question on that list offers it: done before any question is read.
  mutating func addOtherChoices() {
    for row in sheet.rows.indices {
      guard case .select(_, let list?, true) = QuestionType(sheet.value(row, "type")),
        let codes = choices?.lists[list], !codes.contains(where: { $0.code == "other" })
      else { continue }
      choices?.lists[list]?.append(CodeLabel(code: "other", label: "Other"))
    }
  }

  /// A select_one or select_multiple; with `or_other`, the text question `NAME_other` that
  /// applies when `other` is chosen, as pyxform builds it.
  mutating func select(_ row: Int, multiple: Bool, list: String?, orOther: Bool) {
    let name = sheet.value(row, "name")
    guard !name.isEmpty else { return }
    guard let list, let codes = choices?.lists[list] else {
      report(row, name, "its choice list '\(list ?? "")' is not in the choices sheet; left out")
      return
    }
    var variable = Variable(name: name, type: multiple ? .multiple : .categorical, codes: codes)
    describe(&variable, row: row)
    guard orOther else { return }
    var specify = Variable(name: "\(name)_other", label: "Specify other.", type: .text)
    let chosen = multiple ? "selected(\(name), 'other')" : "(\(name) == 'other')"
    let enclosing = relevance(joining: nil)
    specify.relevant = try? Expression.parse(enclosing.map { "(\($0)) and \(chosen)" } ?? chosen)
    variables.append(specify)
    rows.append(sheet.excelRow(row))
  }

  /// One question's variable, or a report of why it has none.
  mutating func question(_ row: Int, type: String) {
    let name = sheet.value(row, "name")
    guard !name.isEmpty, !Self.silentTypes.contains(type) else { return }
    var variable: Variable
    switch type {
    case "integer": variable = Variable(name: name, type: .integer)
    case "decimal", "range": variable = Variable(name: name, type: .decimal)
    case "date", "today": variable = Variable(name: name, type: .date, format: "yyyy-MM-dd")
    case "start", "end", "datetime": variable = Variable(name: name, type: .datetime)
    default:
      guard Self.textTypes.contains(type) else {
        report(row, name, "question type '\(type)' has no codebook type; left out")
        return
      }
      variable = Variable(name: name, type: .text, pii: Self.personalTypes.contains(type))
    }
    describe(&variable, row: row)
  }

  /// Adds the row's label, `required`, relevance and constraint to `variable`, then the variable.
  mutating func describe(_ variable: inout Variable, row: Int) {
    let name = variable.name
    let text = label.map { sheet.cell(row, $0) } ?? ""
    variable.label = text.isEmpty ? nil : text
    variable.required = ["yes", "true", "true()"].contains(sheet.value(row, "required").lowercased())
    let own = ownRelevance(row)
    variable.relevant = relevance(joining: own).flatMap { try? Expression.parse($0) }
    variable.constraint = constraint(row, name: name)
    if variable.required, groups.contains(where: { $0 == .untranslated }) {
      // Required only when its group applies, which cannot be told: required everywhere would
      // call every respondent who skipped the group wrong.
      variable.required = false
      report(row, name, "required inside a group whose relevance cannot be translated; left not required")
    } else if variable.required, own == nil, !sheet.value(row, "relevant").isEmpty {
      // Likewise for its own relevance.
      variable.required = false
      report(row, name, "required where a relevance applies that cannot be translated; left not required")
    }
    variables.append(variable)
    rows.append(sheet.excelRow(row))
  }

  /// The relevance of every open group joined (`and`) with `own`, a row's own (translated).
  func relevance(joining own: String?) -> String? {
    let enclosing = groups.compactMap { group -> String? in
      if case .translated(let text) = group { return text }
      return nil
    }
    let parts = enclosing + [own].compactMap { $0 }
    guard !parts.isEmpty else { return nil }
    return parts.count == 1 ? parts[0] : parts.map { "(\($0))" }.joined(separator: " and ")
  }

  /// The row's `relevant`, translated; nil (and a report) when it cannot be.
  mutating func ownRelevance(_ row: Int) -> String? {
    let text = sheet.value(row, "relevant")
    guard !text.isEmpty else { return nil }
    switch XLSFormExpression.translate(text, self: sheet.value(row, "name")) {
    case .success(let translated): return translated
    case .failure(let unsupported):
      report(row, text, "relevant: '\(unsupported.part)' cannot be translated; the condition is left out")
      return nil
    }
  }

  mutating func constraint(_ row: Int, name: String) -> Expression? {
    let text = sheet.value(row, "constraint")
    guard !text.isEmpty else { return nil }
    switch XLSFormExpression.translate(text, self: name) {
    case .success(let translated): return try? Expression.parse(translated)
    case .failure(let unsupported):
      report(row, text, "constraint: '\(unsupported.part)' cannot be translated; left out")
      return nil
    }
  }

  mutating func report(_ row: Int, _ item: String, _ problem: String) {
    reports.append(.init(sheet: sheet.name, row: sheet.excelRow(row), item: item, problem: problem))
  }
}
