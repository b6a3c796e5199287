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

  @Test("a form of 600 questions with 200 refused conditions: each reported with its row, the others kept")
  func manyRefusals() throws {
    var survey: [[SheetCell]] = [[.text("text"), .text("id"), .text("ID"), .text("yes"), .blank, .blank]]
    for k in 0..<200 {
      // a select_one; an integer whose relevance tests it with selected() (refused); an integer
      // whose relevance compares it with a code (kept) and whose constraint names a geopoint
      // question left out of the codebook (refused) on every tenth.
      survey.append([.text("select_one yn"), .text("s\(k)"), .text("S"), .blank, .blank, .blank])
      survey.append([.text("integer"), .text("n\(k)"), .text("N"), .blank, .text("selected(${s\(k)}, '1')"), .text(". >= 0")])
      survey.append([
        .text("integer"), .text("m\(k)"), .text("M"), .blank, .text("${s\(k)} = '1'"),
        k % 10 == 0 ? .text(". > ${where}") : .blank,
      ])
    }
    survey.append([.text("geopoint"), .text("where"), .text("Where"), .blank, .blank, .blank])
    let path = try Self.form(survey)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let translation = try XLSFormTranslation(path: path, id: "id")
    #expect(translation.variables.count == 601)
    let relevance = translation.reports.filter { $0.problem.hasPrefix("relevant: ") }
    #expect(relevance.map(\.row) == (0..<200).map { 4 + 3 * $0 })  // n_k is on sheet row 4 + 3k
    let constraints = translation.reports.filter { $0.problem.hasPrefix("constraint: ") }
    #expect(constraints.map(\.row) == stride(from: 0, to: 200, by: 10).map { 5 + 3 * $0 })
    for k in 0..<200 {
      let n = try #require(translation.variables.first { $0.name == "n\(k)" })
      let m = try #require(translation.variables.first { $0.name == "m\(k)" })
      #expect(n.relevant == nil && n.constraint?.description == "(n\(k) >= 0)")
      #expect(m.relevant?.description == "(s\(k) == '1')" && m.constraint == nil)
    }
    _ = try Codebook.parse(yaml: translation.yaml(form: "f.xlsx"))
  }

  @Test("a required question whose relevance is left out is left not required, said in the report")
  func requiredWithoutRelevance() throws {
    let path = try Self.form([
      [.text("text"), .text("id"), .text("ID"), .text("yes"), .blank, .blank],
      [.text("select_one yn"), .text("mig"), .text("Migrated"), .blank, .blank, .blank],
      [.text("begin group"), .text("g"), .blank, .blank, .text("${mig} = 'yes'"), .blank],
      [.text("integer"), .text("yrs"), .text("Years"), .text("yes"), .blank, .blank],
      [.text("end group"), .blank, .blank, .blank, .blank, .blank],
      [.text("integer"), .text("kids"), .text("Kids"), .text("yes"), .text("today() > 1"), .blank],
    ])
    defer { try? FileManager.default.removeItem(atPath: path) }
    let translation = try XLSFormTranslation(path: path, id: "id")
    let yrs = try #require(translation.variables.first { $0.name == "yrs" })
    #expect(yrs.relevant == nil && !yrs.required)
    #expect(translation.reports.contains { $0.row == 5 && $0.problem.hasSuffix("the condition is left out, and the question left not required") })
    let kids = try #require(translation.variables.first { $0.name == "kids" })
    #expect(kids.relevant == nil && !kids.required)
    #expect(translation.reports.contains { $0.row == 7 && $0.problem.contains("left not required") })
  }

  @Test("300 questions named twice: each later one left out with the loader's words, in one pass")
  func repeatedNames() throws {
    var survey: [[SheetCell]] = [[.text("text"), .text("id"), .text("ID"), .text("yes"), .blank, .blank]]
    for k in 0..<300 { survey.append([.text("integer"), .text("q\(k)"), .text("Q"), .blank, .blank, .blank]) }
    for k in 0..<300 { survey.append([.text("integer"), .text(k % 2 == 0 ? "q\(k)" : "Q\(k)"), .text("Q"), .blank, .blank, .blank]) }
    let path = try Self.form(survey)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let translation = try XLSFormTranslation(path: path, id: "id")
    #expect(translation.variables.count == 301)
    #expect(translation.reports.map(\.row) == (0..<300).map { 303 + $0 })
    #expect(translation.reports[0].problem == "name: the variable 'q0' is defined twice; the question is left out")
    #expect(translation.reports[1].problem == "name: the header name 'Q1' would match both 'q1' and 'Q1'; the question is left out")
  }
}
