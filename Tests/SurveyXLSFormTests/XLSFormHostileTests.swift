import Foundation
import SurveyCore
import SurveyExport
import Testing

@testable import SurveyXLSForm

/// Forms that are valid XLSForm but that the codebook's rules refuse in part: each refused part
/// is reported with its row, and the rest of the form is translated.
@Suite("XLSForm: what the loader refuses is left out row by row")
struct XLSFormHostileTests {
  static func form(_ survey: [[SheetCell]]) throws -> String {
    let bytes = try SpreadsheetFile.bytes([
      Sheet(name: "Survey", header: ["type", "name", "label", "required", "relevant", "constraint"], rows: survey),
      Sheet(name: "Choices", header: ["list_name", "name", "label"], rows: [
        [.text("yn"), .text("1"), .text("Yes")], [.text("yn"), .text("0"), .text("No")],
      ]),
    ])
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString).xlsx").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test("selected() on a select_one, 'yes' against codes 1/0, a duplicate name: reported; the rest kept")
  func refusedParts() throws {
    let path = try Self.form([
      [.text("text"), .text("id"), .text("ID"), .text("yes"), .blank, .blank],
      [.text("select_one yn"), .text("a"), .text("A"), .blank, .blank, .blank],
      [.text("integer"), .text("b"), .text("B"), .blank, .text("selected(${a}, '1')"), .text(". >= 0")],
      [.text("integer"), .text("c"), .text("C"), .blank, .text("${a} = 'yes'"), .blank],
      [.text("integer"), .text("b"), .text("B again"), .blank, .blank, .blank],
      [.text("integer"), .text("d"), .text("D"), .blank, .text("${b} = ''"), .blank],
    ])
    defer { try? FileManager.default.removeItem(atPath: path) }
    let translation = try XLSFormTranslation(path: path, id: "id")
    #expect(translation.variables.map(\.name) == ["id", "a", "b", "c", "d"])
    #expect(translation.variables[2].relevant == nil && translation.variables[2].constraint != nil)
    #expect(translation.variables[3].relevant == nil)
    #expect(translation.variables[4].relevant?.description == "missing(b)")
    let rows = translation.reports.map(\.row)
    #expect(rows.contains(4) && rows.contains(5) && rows.contains(6), "\(translation.reports)")
    _ = try Codebook.parse(yaml: translation.yaml(form: "f.xlsx"))
  }

  @Test("a group whose relevance cannot be translated: its required questions are left not required, reported")
  func untranslatedGroup() throws {
    let path = try Self.form([
      [.text("text"), .text("id"), .text("ID"), .text("yes"), .blank, .blank],
      [.text("begin group"), .text("g"), .blank, .blank, .text("today() > 5"), .blank],
      [.text("integer"), .text("q"), .text("Q"), .text("yes"), .blank, .blank],
      [.text("end group"), .blank, .blank, .blank, .blank, .blank],
      [.text("end group"), .blank, .blank, .blank, .blank, .blank],
    ])
    defer { try? FileManager.default.removeItem(atPath: path) }
    let translation = try XLSFormTranslation(path: path, id: "id")
    #expect(translation.variables.first { $0.name == "q" }?.required == false)
    #expect(translation.reports.contains { $0.row == 4 && $0.problem.contains("left not required") })
    #expect(translation.reports.contains { $0.row == 6 && $0.problem.contains("end_group without a begin_group") })
  }
}
