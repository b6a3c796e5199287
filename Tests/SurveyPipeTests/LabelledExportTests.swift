import Foundation
import SurveyExport
import Testing
import _SurveyTestSupport

/// The example's Stata and SPSS exports (its pipeline's `exports: [dta, sav]`; the golden files,
/// which CI checks a fresh run reproduces byte for byte), read back through libreadstat and
/// compared with tidy/survey.csv, the codebook and the cleaning log.
@Suite("labelled exports of the example: the tidy data with labels and missing codes")
struct LabelledExportTests {
  static let tidy = Fixtures.simpleCSV(try! Fixtures.text("moldova/golden/tidy/survey.csv"))
  static let log = Fixtures.simpleCSV(try! Fixtures.text("moldova/golden/cleaning-log.csv"))

  static func file(_ format: ExportFormat) throws -> LabelledFile {
    try LabelledFile.read(Fixtures.path("moldova/golden/\(format.path)"), format: format)
  }

  /// The tidy columns as exported: `symptoms` as one 0/1 variable per option, in codebook order.
  static let names: [String] = {
    let header = try! Fixtures.text("moldova/golden/tidy/survey.csv").prefix { $0 != "\n" }.split(separator: ",").map(String.init)
    return header.flatMap { $0 == "symptoms" ? ["fever", "cough", "pain", "fatigue"].map { "symptoms_\($0)" } : [$0] }
  }()

  /// Days since 1970-01-01 of an ISO date `yyyy-MM-dd`.
  static func daysSince1970(_ iso: String) -> Int? {
    let parts = iso.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    var components = DateComponents()
    (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    guard let date = calendar.date(from: components) else { return nil }
    return Int(date.timeIntervalSince1970 / 86_400)
  }

  @Test("same rows and variables as tidy/survey.csv; no personal data", arguments: ExportFormat.allCases)
  func shape(_ format: ExportFormat) throws {
    let file = try Self.file(format)
    #expect(file.rows.count == Self.tidy.count)
    #expect(file.variables.map(\.name) == Self.names)
    #expect(!file.variables.contains { $0.name == "phone" })
  }

  @Test("every number and text equals the tidy CSV's, row by row", arguments: ExportFormat.allCases)
  func values(_ format: ExportFormat) throws {
    let file = try Self.file(format)
    let textCodes = ["RU": 1.0, "IT": 2, "RO": 3, "DE": 4, "OT": 5]
    for (index, variable) in file.variables.enumerated() {
      guard let csvName = Self.tidy.first.map({ _ in variable.name }), Self.tidy[0][csvName] != nil else { continue }
      for (row, record) in Self.tidy.enumerated() {
        let cell = record[csvName] ?? ""
        let value = file.rows[row][index]
        switch value {
        case .number(let number):
          if variable.name == "destination" {
            #expect(textCodes[cell] == number, "\(variable.name) row \(row)")
          } else if variable.name == "interview_date" {
            // Days from 1970 (ISO date in the CSV), then Stata's days from 1960 or SPSS's
            // seconds from 1582-10-14.
            let days = try #require(Self.daysSince1970(cell))
            let expected = format == .dta ? Double(days + 3653) : Double(days + 141_428) * 86_400
            #expect(number == expected, "\(format) row \(row)")
          } else {
            #expect(Double(cell) == number, "\(format) \(variable.name) row \(row): \(cell) vs \(number)")
          }
        case .text(let text): #expect(text == cell, "\(variable.name) row \(row)")
        case .systemMissing: #expect(cell.isEmpty, "\(variable.name) row \(row)")
        case .tagged, .userMissing: #expect(cell.isEmpty, "\(variable.name) row \(row): a missing code is blank in the CSV")
        }
      }
    }
  }

  @Test("each missing code cleaning blanked is a labelled missing value: .a/.b in Stata, 98/99 in SPSS")
  func missingCodes() throws {
    let blanked = Self.log.filter { $0["reason"] == "missing-code" }
    #expect(blanked.count == 2)
    let stata = try Self.file(.dta)
    let spss = try Self.file(.sav)
    for change in blanked {
      let row = try #require(Self.tidy.firstIndex { $0["respondent_id"] == change["record_id"] })
      let column = try #require(stata.variables.firstIndex { $0.name == change["variable"] })
      let code = try #require(Double(change["old_value"] ?? ""))
      #expect(stata.rows[row][column] == .tagged(code == 98 ? "a" : "b"), "\(change)")
      #expect(spss.rows[row][column] == .userMissing(code), "\(change)")
      let stataLabels = stata.valueLabels[stata.variables[column].labelSet] ?? []
      #expect(stataLabels.contains { $0.value == .tagged("a") && $0.label == "Don't know" })
      let spssLabels = spss.valueLabels[spss.variables[column].labelSet] ?? []
      #expect(spssLabels.contains { $0.value == .number(98) && $0.label == "Don't know" })
    }
  }

  @Test("SPSS: a real 99 (an age the reviewer accepted) stays a number; that variable's missing codes become -98, -99")
  func collidingCode() throws {
    let spss = try Self.file(.sav)
    let age = try #require(spss.variables.firstIndex { $0.name == "age" })
    let row = try #require(Self.tidy.firstIndex { $0["respondent_id"] == "MD-N-0005" })
    #expect(spss.rows[row][age] == .number(99))
    let labels = spss.valueLabels[spss.variables[age].labelSet] ?? []
    #expect(labels.contains { $0.value == .number(-99) && $0.label == "Refused" })
    let stata = try Self.file(.dta)
    #expect(stata.rows[row][age] == .number(99))
  }

  @Test("variable and value labels come from the codebook, diacritics kept; text codes become 1, 2, … in codebook order")
  func labels() throws {
    for format in ExportFormat.allCases {
      let file = try Self.file(format)
      let region = try #require(file.variables.first { $0.name == "region" })
      #expect(region.label == "Development region")
      let regionLabels = file.valueLabels[region.labelSet] ?? []
      #expect(regionLabels.contains { $0.value == .number(1) && $0.label == "Chișinău" })
      #expect(regionLabels.contains { $0.value == .number(5) && $0.label == "UTA Găgăuzia" })
      let destination = try #require(file.variables.first { $0.name == "destination" })
      let destinations = file.valueLabels[destination.labelSet] ?? []
      #expect(destinations.contains { $0.value == .number(1) && $0.label == "Russia" })
      #expect(destinations.contains { $0.value == .number(5) && $0.label == "Other" })
      let fever = try #require(file.variables.first { $0.name == "symptoms_fever" })
      #expect(fever.label == "Symptoms in the last 30 days: Fever")
      let weight = try #require(file.variables.last)
      #expect(weight.name == "weight" && weight.label.hasPrefix("final survey weight"))
      let date = try #require(file.variables.first { $0.name == "interview_date" })
      #expect(format == .dta ? date.format == "%td" : date.format.hasPrefix("DATE"))
    }
  }

  @Test("run --export adds exports; an unknown format is refused with the list")
  func flag() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("export-flag-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: out) }
    let unknown = try SurveyPipeBinary.run(["run", Fixtures.path("../pipelines/moldova-migrant-health.yml"), "--out", out, "--export", "por"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("unknown --export 'por' (expected one of dta, sav, xlsx)"), "\(unknown.stderr)")
  }

  @Test("the example's workbooks: tables.xlsx has an index and one sheet per table, validation.xlsx two sheets")
  func workbooks() throws {
    let tables = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("moldova/golden/tables.xlsx"))))
    let sheets = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("moldova/golden/tables")).count
    #expect(Self.worksheets(tables) == sheets + 1)
    let validation = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("moldova/golden/validation.xlsx"))))
    #expect(Self.worksheets(validation) == 2)
  }

  /// The number of worksheet parts in a ZIP (their names stand uncompressed in the local headers).
  static func worksheets(_ bytes: [UInt8]) -> Int {
    let name = Array("xl/worksheets/sheet".utf8)
    var count = 0
    var index = 0
    while index + name.count <= bytes.count {
      if bytes[index] == name[0], Array(bytes[index..<index + name.count]) == name, index >= 30,
        bytes[index - 30..<index - 26] == [0x50, 0x4B, 0x03, 0x04]
      {
        count += 1
      }
      index += 1
    }
    return count
  }
}
