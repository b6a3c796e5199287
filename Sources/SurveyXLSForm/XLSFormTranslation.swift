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
    guard let survey = workbook.sheets["survey"] else { throw XLSFormError.missingSheet(path: path, sheet: "survey") }
    let sheet = try FormSheet(survey, name: "survey", path: path, required: ["type", "name"])
    let choices = try workbook.sheets["choices"].map {
      try ChoiceLists(FormSheet($0, name: "choices", path: path, required: ["list_name", "name"]), language: language)
    }
    let settings = workbook.sheets["settings"].flatMap { try? FormSheet($0, name: "settings", path: path, required: []) }
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
    reports = builder.reports
    // A choice list that holds the survey's missing codes (98 Don't know) offers them as
    // answers; in the codebook they are missing codes, not codes.
    let missing = Set(missingCodes)
    for index in variables.indices where variables[index].type == .categorical {
      variables[index].codes.removeAll { missing.contains($0.code) }
    }
    try settleID(path: path)
  }

  /// Marks the id question required and unique, or adds the export's meta column as text.
  mutating func settleID(path: String) throws {
    if let index = variables.firstIndex(where: { $0.name == id }) {
      variables[index].required = true
      variables[index].unique = true
    } else if id.hasPrefix("_") || id.hasPrefix("meta/") {
      variables.insert(
        Variable(name: id, label: "Submission id", type: .text, required: true, unique: true), at: 0)
    } else {
      throw XLSFormError.unknownID(path: path, name: id)
    }
  }
}
