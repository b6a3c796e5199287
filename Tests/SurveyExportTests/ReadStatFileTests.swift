import Foundation
import SurveyCore
import Testing

@testable import SurveyExport

@Suite("Labelled exports: written and read back through libreadstat")
struct ReadStatFileTests {
  /// Three respondents: a coded answer (with Don't know on the second), a text code list, a
  /// date, a text and a weight.
  static let dataset = ExportDataset(
    label: "test survey", rowCount: 3,
    variables: [
      ExportVariable(
        name: "insured", label: "Insured with CNAM", kind: .number, numbers: [1, .nan, 0],
        valueLabels: [(1, "Yes"), (0, "No")], missingCodes: [(98, "Don't know"), (99, "Refused")],
        missingCode: [0, 1, 0]),
      ExportVariable(
        name: "destination", label: "Main country of destination", kind: .number, numbers: [1, 2, .nan],
        valueLabels: [(1, "Russia"), (2, "Italy")]),
      ExportVariable(name: "interview_date", label: "Date of interview", kind: .date, numbers: [20_514, 20_515, .nan]),
      ExportVariable(name: "region_name", label: "Region", kind: .text, texts: ["Chișinău", "UTA Găgăuzia", ""]),
      ExportVariable(name: "weight", label: "final survey weight", kind: .number, numbers: [1.5, 2.25, 3]),
    ])

  func roundTrip(_ format: ExportFormat) throws -> LabelledFile {
    let bytes = try ReadStatWriter(format: format).write(Self.dataset)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).\(format.rawValue)").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try LabelledFile.read(path, format: format)
  }

  @Test("Stata: labels, Don't know as .a with its label, dates as %td, UTF-8 text")
  func stata() throws {
    let file = try roundTrip(.dta)
    #expect(file.variables.map(\.name) == ["insured", "destination", "interview_date", "region_name", "weight"])
    #expect(file.variables[0].label == "Insured with CNAM")
    #expect(file.variables[2].format == "%td")
    #expect(file.rows.count == 3)
    #expect(file.rows[0][0] == .number(1))
    #expect(file.rows[1][0] == .tagged("a"))
    #expect(file.rows[2][1] == .systemMissing)
    // 2026-03-02 is day 20514 since 1970, day 24167 since Stata's 1960-01-01.
    #expect(file.rows[0][2] == .number(24_167))
    #expect(file.rows[1][3] == .text("UTA Găgăuzia"))
    #expect(file.rows[1][4] == .number(2.25))
    let labels = file.valueLabels[file.variables[0].labelSet] ?? []
    #expect(labels.contains { $0.value == .number(1) && $0.label == "Yes" })
    #expect(labels.contains { $0.value == .tagged("a") && $0.label == "Don't know" })
    #expect(labels.contains { $0.value == .tagged("b") && $0.label == "Refused" })
  }

  @Test("SPSS: Don't know stays 98, a user-missing value with its label; dates from 1582")
  func spss() throws {
    let file = try roundTrip(.sav)
    #expect(file.variables.map(\.name) == ["insured", "destination", "interview_date", "region_name", "weight"])
    #expect(file.rows[1][0] == .userMissing(98))
    #expect(file.rows[0][0] == .number(1))
    // (20514 + 141428) days × 86400 s from 1582-10-14.
    #expect(file.rows[0][2] == .number(Double(20_514 + 141_428) * 86_400))
    #expect(file.variables[2].format.hasPrefix("DATE"))
    #expect(file.rows[0][3] == .text("Chișinău"))
    let labels = file.valueLabels[file.variables[0].labelSet] ?? []
    #expect(labels.contains { $0.value == .number(98) && $0.label == "Don't know" })
    #expect(labels.contains { $0.value == .number(0) && $0.label == "No" })
  }

  @Test("the same data give the same bytes (Stata's time stamp is fixed)")
  func deterministic() throws {
    #expect(try ReadStatWriter(format: .dta).write(Self.dataset) == ReadStatWriter(format: .dta).write(Self.dataset))
    #expect(try ReadStatWriter(format: .sav).write(Self.dataset) == ReadStatWriter(format: .sav).write(Self.dataset))
  }

  /// Writes `dataset` as `format` and reads it back.
  func roundTrip(_ dataset: ExportDataset, _ format: ExportFormat) throws -> LabelledFile {
    let bytes = try ReadStatWriter(format: format).write(dataset)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("long-\(UUID().uuidString).\(format.rawValue)").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try LabelledFile.read(path, format: format)
  }

  /// A note of 5,000 bytes (beyond Stata's str2045), one of 40,000 (beyond SPSS's 32,767) whose
  /// byte 32,767 falls inside "ă" (2 bytes), a repeat of the first, and a blank.
  static let notes: [String] = {
    let long = String(repeating: "a", count: 32_766) + "ă" + String(repeating: "b", count: 7_232)
    return [String(repeating: "x", count: 5_000), long, String(repeating: "x", count: 5_000), ""]
  }()

  @Test("Stata: text over 2045 bytes is a strL holding every text whole, repeats and blanks included")
  func stataLongText() throws {
    let dataset = ExportDataset(
      label: "t", rowCount: 4, variables: [ExportVariable(name: "note", label: "Note", kind: .text, texts: Self.notes)])
    #expect(Self.notes[1].utf8.count == 40_000)
    let file = try roundTrip(dataset, .dta)
    #expect(file.rows.map { $0[0] } == Self.notes.map { .text($0) })
  }

  @Test("SPSS: text over 32,767 bytes is cut before the character the limit falls in; shorter texts are whole")
  func spssLongText() throws {
    let dataset = ExportDataset(
      label: "t", rowCount: 4, variables: [ExportVariable(name: "note", label: "Note", kind: .text, texts: Self.notes)])
    let file = try roundTrip(dataset, .sav)
    #expect(file.rows[0][0] == .text(Self.notes[0]))
    // "ă" takes bytes 32,767 and 32,768 (from 1): it does not fit, so the text keeps 32,766 bytes.
    #expect(file.rows[1][0] == .text(String(repeating: "a", count: 32_766)))
    #expect(file.rows[3][0] == .text(""))
    #expect(ExportFormat.sav.fitted("abc") == "abc")
    #expect(ExportFormat.sav.fitted(Self.notes[1]).utf8.count == 32_766)
    #expect(ExportFormat.dta.fitted(Self.notes[1]) == Self.notes[1])
  }

  /// 60,000 rows of two numbers and a text: several megabytes, so several flushes.
  static let large = ExportDataset(
    label: "large", rowCount: 60_000,
    variables: [
      ExportVariable(name: "x", label: "X", kind: .number, numbers: (0..<60_000).map(Double.init)),
      ExportVariable(
        name: "t", label: "T", kind: .text, texts: (0..<60_000).map { "respondent \($0) said something" }),
    ])

  struct Refused: Error, Equatable {}

  @Test("streamed a megabyte at a time, the bytes are those written in memory; the sink's error stops the write", arguments: ExportFormat.allCases)
  func streaming(format: ExportFormat) throws {
    var chunks: [Int] = []
    var streamed: [UInt8] = []
    try Self.large.write(format) { bytes in
      chunks.append(bytes.count)
      streamed.append(contentsOf: bytes)
    }
    #expect(chunks.count > 1)
    #expect(chunks.dropLast().allSatisfy { $0 >= 1 << 20 })
    #expect((streamed == (try Self.large.bytes(format))) == true)
    #expect(throws: Refused.self) { try Self.large.write(format) { _ in throw Refused() } }
  }

  @Test("Stata strL: texts Swift calls equal but written differently (é, e + combining accent) stay as written")
  func strLBytes() throws {
    let base = String(repeating: "x", count: 2_100)
    let texts = [base + "\u{E9}", base + "e\u{301}"]
    #expect(texts[0] == texts[1])  // canonically equivalent
    let dataset = ExportDataset(
      label: "t", rowCount: 2, variables: [ExportVariable(name: "note", label: "Note", kind: .text, texts: texts)])
    let file = try roundTrip(dataset, .dta)
    let read = file.rows.map { row -> [UInt8] in if case .text(let text) = row[0] { return Array(text.utf8) } else { return [] } }
    #expect(read == texts.map { Array($0.utf8) })
  }

  @Test("SPSS value labels over 120 bytes are cut before a character, so the file stays UTF-8")
  func longValueLabel() throws {
    let label = String(repeating: "a", count: 119) + "ș"  // ș takes bytes 120 and 121
    let dataset = ExportDataset(
      label: "t", rowCount: 1,
      variables: [ExportVariable(name: "q", label: "Q", kind: .number, numbers: [1], valueLabels: [(1, label)])])
    let file = try roundTrip(dataset, .sav)
    let labels = file.valueLabels[file.variables[0].labelSet] ?? []
    #expect(labels.map(\.label) == [String(repeating: "a", count: 119)])
    #expect(ExportFormat.fitted("abc", bytes: 2) == "ab")
  }
}
