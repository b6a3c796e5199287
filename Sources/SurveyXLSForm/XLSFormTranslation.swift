import Foundation
import SurveyCore

/// An XLSForm translated into a codebook (`survey-pipe codebook FORM.xlsx`): the codebook's
/// YAML, to review or extend, and what could not be translated, each with its sheet, row and
/// expression.
public struct XLSFormTranslation: Sendable {
  /// One construct left out or changed: where it is and why.
  public struct Report: Sendable, Equatable, CustomStringConvertible {
    public var sheet: String
    /// The sheet's row, as Excel numbers it (the header is row 1).
    public var row: Int
    public var item: String
    public var problem: String
    public var description: String { "\(sheet) row \(row): \(item): \(problem)" }
  }

  /// The variables of the codebook, in the form's order.
  public var variables: [Variable] = []
  /// Per variable: its row in the survey sheet.
  var rows: [Int] = []
  public var reports: [Report] = []
  public var survey: String
  public var id: String
  public var missingCodes: [CodeLabel]

  /// Translates the form at `path`.
  ///
  /// - Parameters:
  ///   - id: the question (or export meta column such as `_uuid`) that identifies a record.
  ///   - missingCodes: the survey-wide missing codes (`98`, `99`); their labels are taken from
  ///     the first choice list that has the code.
  ///   - language: the label column to read (`label::English (en)` for "English"); the first
  ///     label column without.
  /// - Throws: ``XLSFormError`` or ``XLSXError``.
  public init(path: String, id: String, missingCodes: [String] = [], language: String? = nil) throws {
    let workbook = try Workbook(path: path)
    guard let survey = workbook.sheet("survey") else { throw XLSFormError.missingSheet(path: path, sheet: "survey") }
    let sheet = try FormSheet(survey, name: "survey", path: path, required: ["type", "name"])
    let choices = try workbook.sheet("choices").map {
      try ChoiceLists(FormSheet($0, name: "choices", path: path, required: ["list_name", "name"]), language: language)
    }
    let settings = workbook.sheet("settings").flatMap { try? FormSheet($0, name: "settings", path: path, required: []) }
    self.survey =
      settings?.firstValue("form_id") ?? settings?.firstValue("form_title")
      ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    self.id = id
    self.missingCodes = missingCodes.map { code in
      CodeLabel(code: code, label: choices?.label(of: code) ?? "Missing code \(code)")
    }
    var builder = QuestionReader(sheet: sheet, choices: choices, language: language)
    builder.read()
    variables = builder.variables
    rows = builder.rows
    reports = builder.reports
    // A choice list that holds the survey's missing codes (98 Don't know) offers them as
    // answers; in the codebook they are missing codes, not codes.
    // Where the list labels them otherwise than the survey-wide ones ("Not sure" for 98), the
    // question keeps its list's labels as its own missing codes.
    let missing = Set(missingCodes)
    for index in variables.indices where variables[index].type == .categorical {
      let own = Dictionary(
        variables[index].codes.filter { missing.contains($0.code) }.map { ($0.code, $0.label) },
        uniquingKeysWith: { first, _ in first })
      variables[index].codes.removeAll { missing.contains($0.code) }
      let labelled = self.missingCodes.map { CodeLabel(code: $0.code, label: own[$0.code] ?? $0.label) }
      if labelled != self.missingCodes { variables[index].missingCodes = labelled }
    }
    try settleID(path: path)
    try dropWhatTheLoaderRefuses(path: path)
  }

  /// Checks the codebook as the loader will, and leaves out, with a report naming the row, each
  /// condition (or question) it refuses: a comparison the types decide (`${x} = ''` on an
  /// integer, `selected()` on a select_one), a reference to a question left out, a duplicate or
  /// unusable name. The rest of the form stays.
  ///
  /// When the whole codebook is refused, conditions are checked question by question, each
  /// against only the questions it names, so that a large form costs one small check per
  /// question rather than one whole codebook per refusal; what is left (a duplicate name, a condition naming a question that is
  /// itself refused) is found by checking the whole codebook, once per refusal.
  mutating func dropWhatTheLoaderRefuses(path: String) throws {
    dropRepeatedNames()
    if (try? Codebook.parse(yaml: yaml(form: ""), file: path)) != nil { return }
    for index in variables.indices where variables[index].relevant != nil || variables[index].constraint != nil {
      dropRefusedConditions(of: index, path: path)
    }
    for _ in 0...(2 * variables.count + 1) {
      do {
        _ = try Codebook.parse(yaml: yaml(form: ""), file: path)
        return
      } catch CoreError.invalidValue(_, _, let key, let problem) {
        guard let (index, field) = Self.variableKey(key), variables.indices.contains(index) else { throw XLSFormError.untranslatable(path: path, problem: problem) }
        let row = index < rows.count ? rows[index] : 0
        let name = variables[index].name
        switch field {
        case "relevant":
          dropRelevance(of: index, row: row, problem: problem)
        case "constraint":
          reports.append(.init(sheet: "survey", row: row, item: name, problem: "constraint: \(problem); left out"))
          variables[index].constraint = nil
        default:
          reports.append(.init(sheet: "survey", row: row, item: name, problem: "\(field): \(problem); the question is left out"))
          variables.remove(at: index)
          if index < rows.count { rows.remove(at: index) }
        }
      }
    }
    do {
      _ = try Codebook.parse(yaml: yaml(form: ""), file: path)
    } catch {
      throw XLSFormError.untranslatable(path: path, problem: error.localizedDescription)
    }
  }

  /// Checks the conditions of question `index` as the loader will, in a codebook of that
  /// question and those its conditions name; drops (and reports) each condition refused. Any
  /// other refusal is left to the check of the whole codebook.
  mutating func dropRefusedConditions(of index: Int, path: String) {
    for _ in 0..<3 {
      let question = variables[index]
      let named = Set((question.relevant?.variables ?? []) + (question.constraint?.variables ?? []))
      var others: [Variable] = []
      for name in named.sorted() where name != question.name {
        guard var other = variables.first(where: { $0.name == name }) else { continue }
        other.relevant = nil
        other.constraint = nil
        others.append(other)
      }
      var idName = "survey_pipe_id"
      while named.contains(idName) || idName == question.name { idName += "_" }
      let lines = codebookLines(id: idName, variables: [Variable(name: idName, type: .text)] + others + [question])
      do {
        _ = try Codebook.parse(yaml: lines.joined(separator: "\n") + "\n", file: path)
        return
      } catch CoreError.invalidValue(_, _, let key, let problem) {
        let position = others.count + 1
        let row = index < rows.count ? rows[index] : 0
        switch key {
        case "variables[\(position)].relevant":
          dropRelevance(of: index, row: row, problem: problem)
        case "variables[\(position)].constraint":
          reports.append(.init(sheet: "survey", row: row, item: question.name, problem: "constraint: \(problem); left out"))
          variables[index].constraint = nil
        default: return
        }
      } catch {
        return
      }
    }
  }

  /// Leaves out, with the loader's own words, each question whose name an earlier question
  /// already has, or reads the same in a header (case and spaces aside): found in one pass, not
  /// by one whole check of the codebook each.
  mutating func dropRepeatedNames() {
    var names: Set<String> = []
    var headers: [String: String] = [:]
    var index = 0
    while index < variables.count {
      let name = variables[index].name
      let header = HeaderName.normalized(name)
      let problem: String?
      if names.contains(name) {
        problem = "the variable '\(name)' is defined twice"
      } else if let other = headers[header] {
        problem = "the header name '\(name)' would match both '\(other)' and '\(name)'"
      } else {
        problem = nil
      }
      guard let problem else {
        names.insert(name)
        headers[header] = name
        index += 1
        continue
      }
      let row = index < rows.count ? rows[index] : 0
      reports.append(.init(sheet: "survey", row: row, item: name, problem: "name: \(problem); the question is left out"))
      variables.remove(at: index)
      if index < rows.count { rows.remove(at: index) }
    }
  }

  /// Leaves out question `index`'s relevance, with a report; a required question is left not
  /// required (XLSForm requires an answer only where the question applies, which can no longer
  /// be told).
  mutating func dropRelevance(of index: Int, row: Int, problem: String) {
    var text = "relevant: \(problem); the condition is left out"
    if variables[index].required {
      variables[index].required = false
      text += ", and the question left not required"
    }
    reports.append(.init(sheet: "survey", row: row, item: variables[index].name, problem: text))
    variables[index].relevant = nil
  }

  /// `variables[7].relevant` as (7, "relevant").
  static func variableKey(_ key: String) -> (Int, String)? {
    guard key.hasPrefix("variables["), let close = key.firstIndex(of: "]"),
      let index = Int(key[key.index(key.startIndex, offsetBy: 10)..<close])
    else { return nil }
    let rest = key[key.index(after: close)...]
    return (index, rest.hasPrefix(".") ? String(rest.dropFirst()) : "name")
  }

  /// Marks the id question required and unique, or adds the export's meta column as text.
  mutating func settleID(path: String) throws {
    if let index = variables.firstIndex(where: { $0.name == id }) {
      variables[index].required = true
      variables[index].unique = true
    } else if id.hasPrefix("_") || id.hasPrefix("meta/") {
      variables.insert(
        Variable(name: id, label: "Submission id", type: .text, required: true, unique: true), at: 0)
      rows.insert(0, at: 0)
    } else {
      throw XLSFormError.unknownID(path: path, name: id)
    }
  }
}
