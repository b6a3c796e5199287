import Foundation
import SurveyCore
import SurveyExport
import Testing

@testable import SurveyXLSForm

/// The `type` column as pyxform reads it: its aliases, `or_other`, choices from elsewhere.
@Suite("XLSForm: question types and their aliases")
struct QuestionTypeTests {
  @Test(
    "aliases read as the types they stand for",
    arguments: [
      ("select_one yes_no", QuestionType.select(multiple: false, list: "yes_no", orOther: false)),
      ("SELECT_ONE YesNo OR_OTHER", .select(multiple: false, list: "YesNo", orOther: true)),
      ("select one yes_no", .select(multiple: false, list: "yes_no", orOther: false)),
      ("Select1  yes_no", .select(multiple: false, list: "yes_no", orOther: false)),
      ("select_multiple symptoms", .select(multiple: true, list: "symptoms", orOther: false)),
      ("select all that apply symptoms", .select(multiple: true, list: "symptoms", orOther: false)),
      ("select_one work or_other", .select(multiple: false, list: "work", orOther: true)),
      ("select_multiple work or specify other", .select(multiple: true, list: "work", orOther: true)),
      ("select_one", .select(multiple: false, list: nil, orOther: false)),
      ("select_one_from_file towns.csv", .selectFromElsewhere("select_one_from_file")),
      ("select one from file towns.csv", .selectFromElsewhere("select one from file")),
      ("select_one_external town", .selectFromElsewhere("select_one_external")),
      ("begin group", .beginGroup), ("begin_group", .beginGroup), ("End Group", .endGroup),
      ("begin repeat", .beginRepeat), ("begin_repeat", .beginRepeat), ("end repeat", .endRepeat),
      ("begin loop over people", .beginRepeat), ("end loop", .endRepeat),
      ("int", .plain("integer")), ("string", .plain("text")), ("dateTime", .plain("datetime")),
      ("imei", .plain("deviceid")), ("location", .plain("geopoint")), ("rank fruits", .plain("rank")),
      ("geotrace", .plain("geotrace")),
    ])
  func alias(cell: String, type: QuestionType) {
    #expect(QuestionType(cell) == type)
  }

  static func form(_ survey: [[SheetCell]]) throws -> String {
    let bytes = try SpreadsheetFile.bytes([
      Sheet(name: "survey", header: ["type", "name", "label", "relevant"], rows: survey),
      Sheet(name: "choices", header: ["list_name", "name", "label"], rows: [
        [.text("work"), .text("1"), .text("Farming")], [.text("work"), .text("2"), .text("Construction")],
      ]),
    ])
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("types-\(UUID().uuidString).xlsx").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test("or_other adds the choice 'other' and NAME_other, which applies when 'other' is chosen (inside its group)")
  func orOther() throws {
    let path = try Self.form([
      [.text("text"), .text("id"), .text("ID"), .blank],
      [.text("integer"), .text("age"), .text("Age"), .blank],
      [.text("begin group"), .text("g"), .blank, .text("${age} >= 18")],
      [.text("select_one work or_other"), .text("job"), .text("Main work abroad"), .blank],
      [.text("select all that apply work or_other"), .text("jobs"), .text("All work"), .blank],
      [.text("end group"), .blank, .blank, .blank],
    ])
    defer { try? FileManager.default.removeItem(atPath: path) }
    let translation = try XLSFormTranslation(path: path, id: "id")
    #expect(translation.variables.map(\.name) == ["id", "age", "job", "job_other", "jobs", "jobs_other"])
    let job = translation.variables[2]
    #expect(job.codes.map(\.code) == ["1", "2", "other"] && job.codes.last?.label == "Other")
    let specify = translation.variables[3]
    #expect(specify.type == .text && specify.label == "Specify other.")
    #expect(specify.relevant?.description == "((age >= 18) and (job == 'other'))")
    #expect(translation.variables[5].relevant?.description == "((age >= 18) and selected(jobs, 'other'))")
    #expect(translation.rows == [2, 3, 5, 5, 6, 6])
    #expect(translation.reports.isEmpty, "\(translation.reports)")
    _ = try Codebook.parse(yaml: translation.yaml(form: "f.xlsx"))
  }

  @Test("time, barcode, acknowledge, hidden and rank are text; range a decimal; choices from a file are reported")
  func otherTypes() throws {
    let path = try Self.form([
      [.text("text"), .text("id"), .text("ID"), .blank],
      [.text("time"), .text("t"), .text("T"), .blank],
      [.text("range"), .text("r"), .text("R"), .blank],
      [.text("rank work"), .text("k"), .text("K"), .blank],
      [.text("select_one_from_file towns.csv"), .text("town"), .text("Town"), .blank],
      [.text("int"), .text("n"), .text("N"), .blank],
    ])
    defer { try? FileManager.default.removeItem(atPath: path) }
    let translation = try XLSFormTranslation(path: path, id: "id")
    #expect(translation.variables.map(\.name) == ["id", "t", "r", "k", "n"])
    #expect(translation.variables.map(\.type) == [.text, .text, .decimal, .text, .integer])
    #expect(translation.reports.map(\.row) == [6])
    #expect(translation.reports.first?.problem.contains("from a file outside the form") == true)
  }

  @Test("a list that labels the missing codes its own way gives its questions their own missing_codes")
  func ownMissingLabels() throws {
    let bytes = try SpreadsheetFile.bytes([
      Sheet(name: "survey", header: ["type", "name", "label"], rows: [
        [.text("text"), .text("id"), .text("ID")],
        [.text("select_one yn"), .text("a"), .text("A")],
        [.text("select_one lik"), .text("b"), .text("B")],
      ]),
      Sheet(name: "choices", header: ["list_name", "name", "label"], rows: [
        [.text("yn"), .text("1"), .text("Yes")], [.text("yn"), .text("98"), .text("Don't know")],
        [.text("yn"), .text("99"), .text("Refused")],
        [.text("lik"), .text("1"), .text("Agree")], [.text("lik"), .text("98"), .text("Not sure")],
      ]),
    ])
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID().uuidString).xlsx").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let translation = try XLSFormTranslation(path: path, id: "id", missingCodes: ["98", "99"])
    // Survey-wide labels from the first list in the sheet (yn); lik's 98 is its own.
    #expect(translation.missingCodes == [CodeLabel(code: "98", label: "Don't know"), CodeLabel(code: "99", label: "Refused")])
    #expect(translation.variables[1].missingCodes == nil)
    #expect(translation.variables[2].missingCodes == [CodeLabel(code: "98", label: "Not sure"), CodeLabel(code: "99", label: "Refused")])
    let codebook = try Codebook.parse(yaml: translation.yaml(form: "f.xlsx"))
    #expect(codebook.missingCodes(for: codebook.variables[2]).map(\.label) == ["Not sure", "Refused"])
    #expect(codebook.variables[2].codes == [CodeLabel(code: "1", label: "Agree")])
  }

  @Test("or_other adds 'other' to the shared list: every question on it offers it, before and after")
  func sharedOrOther() throws {
    let path = try Self.form([
      [.text("text"), .text("id"), .text("ID"), .blank],
      [.text("select_one work"), .text("before"), .text("B"), .blank],
      [.text("select_one work or_other"), .text("job"), .text("J"), .blank],
      [.text("select_multiple work"), .text("after"), .text("A"), .blank],
    ])
    defer { try? FileManager.default.removeItem(atPath: path) }
    let translation = try XLSFormTranslation(path: path, id: "id")
    #expect(translation.variables.map(\.name) == ["id", "before", "job", "job_other", "after"])
    for name in ["before", "job", "after"] {
      #expect(translation.variables.first { $0.name == name }?.codes.map(\.code) == ["1", "2", "other"], "\(name)")
    }
  }
}
