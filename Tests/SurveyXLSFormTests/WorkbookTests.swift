import Foundation
import SurveyExport
import Testing
import _SurveyTestSupport

@testable import SurveyXLSForm

@Suite("Workbook: the sheets of an .xlsx as text")
struct WorkbookTests {
  static func temporary(_ bytes: [UInt8], suffix: String = ".xlsx") throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("wb-\(UUID().uuidString)\(suffix)").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test("a workbook written by libxlsxwriter reads back: names, text, numbers, blanks, UTF-8")
  func roundTrip() throws {
    let bytes = try SpreadsheetFile.bytes([
      Sheet(name: "survey", header: ["type", "name", "label"], rows: [
        [.text("select_one yes_no"), .text("insured"), .text("Asigurat la CNAM? (Chișinău)")],
        [.text("integer"), .text("age"), .blank],
        [.blank, .blank, .number(2.5)],
      ]),
      Sheet(name: "choices", header: ["list_name", "name"], rows: [[.text("yes_no"), .number(1)]]),
    ])
    let path = try Self.temporary(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let workbook = try Workbook(path: path)
    #expect(workbook.sheetNames == ["survey", "choices"])
    let survey = try #require(workbook.sheets["survey"])
    #expect(survey[0] == ["type", "name", "label"])
    #expect(survey[1] == ["select_one yes_no", "insured", "Asigurat la CNAM? (Chișinău)"])
    #expect(survey[2] == ["integer", "age"])
    #expect(survey[3] == ["", "", "2.5"])
    #expect(workbook.sheets["choices"]?[1] == ["yes_no", "1"])
  }

  @Test("the example's tables.xlsx reads back with the numbers of tables/*.csv")
  func exampleTables() throws {
    let workbook = try Workbook(path: Fixtures.path("moldova/golden/tables.xlsx"))
    #expect(workbook.sheetNames.first == "index")
    let csv = Fixtures.simpleCSV(try Fixtures.text("moldova/golden/tables/oop_cost_by_region.csv"))
    let sheet = try #require(workbook.sheets["oop_cost_by_region"])
    let header = sheet[0]
    let estimate = try #require(header.firstIndex(of: "estimate"))
    for (row, record) in csv.enumerated() {
      let cell = sheet[row + 1].indices.contains(estimate) ? sheet[row + 1][estimate] : ""
      if let want = Double(record["estimate"] ?? "") {
        // Excel keeps 15-16 significant digits.
        #expect(abs((Double(cell) ?? .nan) - want) <= 1e-12 * abs(want), "row \(row): \(cell) vs \(want)")
      } else {
        #expect(cell.isEmpty || cell.hasPrefix("suppressed"), "row \(row): \(cell)")
      }
    }
  }

  @Test("not a ZIP, or a ZIP without a workbook: an error naming the file")
  func notWorkbooks() throws {
    let text = try Self.temporary(Array("type,name\n".utf8))
    defer { try? FileManager.default.removeItem(atPath: text) }
    #expect(throws: XLSXError.notAWorkbook(path: text, problem: "it is not a ZIP file")) { try Workbook(path: text) }
    #expect((XLSXError.notAWorkbook(path: text, problem: "x").errorDescription ?? "").hasPrefix(text))
  }

  @Test("column references: A is 0, Z 25, AA 26, AB 27")
  func columns() {
    #expect(PartReader.column("A1") == 0)
    #expect(PartReader.column("Z9") == 25)
    #expect(PartReader.column("AA10") == 26)
    #expect(PartReader.column("AB3") == 27)
    #expect(PartReader.column("12") == nil)
  }
}
