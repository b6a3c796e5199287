import ArgumentParser
import Foundation
import SurveyCore
import SurveyXLSForm

/// `survey-pipe codebook FORM.xlsx`: an XLSForm translated into a codebook to review.
struct CodebookCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "codebook",
    abstract: "Translate an XLSForm (KoboToolbox, ODK) into a codebook to review and extend.",
    discussion: """
      Reads the survey and choices sheets (and settings' form_id) and writes the equivalent \
      YAML codebook: select_one and select_multiple with their choice lists, integer, decimal, \
      text, date, start/end as datetime, calculate and other meta questions as text; labels \
      (the first label column, or --language's); required; relevant, with the relevance of the \
      groups around a question; constraint, with . the question itself. Expressions: ${x}, =, \
      !=, <, <=, >, >=, + - * div, and, or, not(), selected(), count-selected(), \
      string-length(), = '' and != ''. What cannot be translated (a repeat group, a question \
      type without a codebook type, a function such as today(), a condition the codebook's \
      types refuse) is left out and listed, with its sheet and row, on standard \
      error and in comments at the top of the codebook. Exit 0 even then; 1 when the file is \
      not an XLSForm or --id names no question.

      A pipeline may name the form itself: codebook: form.xlsx with codebook_options: {id: \
      respondent_id, missing_codes: ["98", "99"], language: English}. Not built yet: reading \
      Kobo exports made with labels instead of codes.

      Examples:
        survey-pipe codebook form.xlsx --id respondent_id --missing-codes 98,99 --out codebook.yml
        survey-pipe codebook form.xlsx --id _uuid --language English
      """)

  @Argument(help: "The XLSForm (.xlsx).")
  var form: String

  @Option(help: ArgumentHelp("The question (or export meta column such as _uuid) that identifies a record.", valueName: "name"))
  var id: String

  @Option(
    name: .customLong("missing-codes"),
    help: ArgumentHelp("Survey-wide missing codes, comma separated (labels from the choices that have them).", valueName: "codes"))
  var missingCodes: String?

  @Option(help: ArgumentHelp("The label language: the label::LANGUAGE column to read.", valueName: "language"))
  var language: String?

  @Option(help: ArgumentHelp("Write the codebook here instead of standard output.", valueName: "file"))
  var out: String?

  func run() throws {
    let codes = missingCodes?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } ?? []
    let translation = try XLSFormTranslation(path: form, id: id, missingCodes: codes, language: language)
    let yaml = translation.yaml(form: (form as NSString).lastPathComponent)
    // The translation must be a codebook survey-pipe reads: checked before it is written.
    _ = try Codebook.parse(yaml: yaml, file: out ?? "codebook.yml")
    for report in translation.reports {
      FileHandle.standardError.write(Data("\(form): \(report)\n".utf8))
    }
    if let out {
      try yaml.write(toFile: out, atomically: true, encoding: .utf8)
      FileHandle.standardError.write(
        Data("codebook: \(translation.variables.count) variables, \(translation.reports.count) left out: \(out)\n".utf8))
    } else {
      print(yaml, terminator: "")
    }
  }
}
