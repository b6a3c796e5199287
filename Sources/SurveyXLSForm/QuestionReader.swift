import SurveyCore

/// Reads the `survey` sheet row by row into codebook variables: question types, labels,
/// `required`, `relevant` (with the relevance of the groups around a question) and
/// `constraint`; reports what it leaves out.
struct QuestionReader {
  let sheet: FormSheet
  let choices: ChoiceLists?
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
  static let textTypes: Set<String> = ["text", "calculate", "deviceid", "subscriberid", "simserial", "phonenumber", "username", "email", "audit"]
  /// Meta questions that identify a person or a device: personal data (`pii: true`).
  static let personalTypes: Set<String> = ["phonenumber", "subscriberid", "simserial", "deviceid", "email"]
  /// Types with no value in the export.
  static let silentTypes: Set<String> = ["note", "start-geopoint"]

  mutating func read() {
    for row in sheet.rows.indices {
      let words = sheet.value(row, "type").split(whereSeparator: \.isWhitespace).map { String($0).lowercased() }
      guard let type = words.first else { continue }
      let kind = words.count > 1 && ["begin", "end"].contains(type) ? type + "_" + words[1] : type
      switch kind {
      case "begin_group":
        let text = sheet.value(row, "relevant")
        groups.append(ownRelevance(row).map(GroupRelevance.translated) ?? (text.isEmpty ? .none : .untranslated))
      case "end_group":
        if groups.isEmpty { report(row, "end_group", "an end_group without a begin_group; ignored") } else { groups.removeLast() }
      case "begin_repeat":
        if repeats == 0 {
          report(row, sheet.value(row, "name"), "a repeat group: its questions are a separate table of the export, left out")
        }
        repeats += 1
      case "end_repeat": repeats = max(0, repeats - 1)
      default:
        guard repeats == 0 else { continue }
        question(row, type: kind, list: words.count > 1 ? words[1] : nil)
      }
    }
  }

  /// One question's variable, or a report of why it has none.
  mutating func question(_ row: Int, type: String, list: String?) {
    let name = sheet.value(row, "name")
    guard !name.isEmpty, !Self.silentTypes.contains(type) else { return }
    var variable: Variable
    switch type {
    case "select_one", "select_multiple":
      guard let list, let codes = choices?.lists[list] else {
        report(row, name, "its choice list '\(list ?? "")' is not in the choices sheet; left out")
        return
      }
      variable = Variable(name: name, type: type == "select_one" ? .categorical : .multiple, codes: codes)
    case "integer": variable = Variable(name: name, type: .integer)
    case "decimal": variable = Variable(name: name, type: .decimal)
    case "date", "today": variable = Variable(name: name, type: .date, format: "yyyy-MM-dd")
    case "start", "end", "datetime": variable = Variable(name: name, type: .datetime)
    default:
      guard Self.textTypes.contains(type) else {
        report(row, name, "question type '\(type)' has no codebook type; left out")
        return
      }
      variable = Variable(name: name, type: .text, pii: Self.personalTypes.contains(type))
    }
    let text = label.map { sheet.cell(row, $0) } ?? ""
    variable.label = text.isEmpty ? nil : text
    variable.required = ["yes", "true", "true()"].contains(sheet.value(row, "required").lowercased())
    variable.relevant = relevance(row).flatMap { try? Expression.parse($0) }
    variable.constraint = constraint(row, name: name)
    if variable.required, groups.contains(where: { $0 == .untranslated }) {
      // Required only when its group applies, which cannot be told: required everywhere would
      // call every respondent who skipped the group wrong.
      variable.required = false
      report(row, name, "required inside a group whose relevance cannot be translated; left not required")
    }
    variables.append(variable)
    rows.append(sheet.excelRow(row))
  }

  /// The row's own relevance (translated) joined with that of every open group.
  mutating func relevance(_ row: Int) -> String? {
    let enclosing = groups.compactMap { group -> String? in
      if case .translated(let text) = group { return text }
      return nil
    }
    let parts = enclosing + [ownRelevance(row)].compactMap { $0 }
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
