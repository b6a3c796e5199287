import Foundation
import Testing

@testable import SurveyExport

@Suite("Excel workbooks through libxlsxwriter")
struct SpreadsheetFileTests {
  static let sheets = [
    Sheet(name: "index", header: ["table", "rows"], rows: [[.text("a"), .number(2)]]),
    Sheet(
      name: "a", header: ["level", "estimate"],
      rows: [[.text("1 Yes"), .number(0.25)], [.text("0 No"), .note("suppressed (n<10)")], [.text("=1+1"), .blank]]),
  ]

  /// The names of the parts of a ZIP file, from its local headers (stored uncompressed).
  static func parts(_ bytes: [UInt8]) -> [String] {
    var names: [String] = []
    var offset = 0
    while offset + 30 <= bytes.count, bytes[offset..<offset + 4] == [0x50, 0x4B, 0x03, 0x04] {
      func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
      func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
      let nameLength = u16(offset + 26)
      let extra = u16(offset + 28)
      let size = u32(offset + 18)
      names.append(String(decoding: bytes[offset + 30..<offset + 30 + nameLength], as: UTF8.self))
      offset += 30 + nameLength + extra + size
    }
    return names
  }

  @Test("a workbook is a ZIP of one worksheet part per sheet, the same bytes every time")
  func workbook() throws {
    let bytes = try SpreadsheetFile.bytes(Self.sheets)
    #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    let parts = Self.parts(bytes)
    #expect(parts.contains("xl/workbook.xml"))
    #expect(parts.filter { $0.hasPrefix("xl/worksheets/sheet") }.sorted() == ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"])
    #expect(try SpreadsheetFile.bytes(Self.sheets) == bytes)
  }

  @Test("sheet names: Excel's forbidden characters replaced, 31 characters at most, unique")
  func names() {
    #expect(Sheet.name("a/b:c", avoiding: []) == "a_b_c")
    #expect(Sheet.name(String(repeating: "x", count: 40), avoiding: []).count == 31)
    #expect(Sheet.name("Index", avoiding: ["index"]) == "Index_2")
    #expect(Sheet.name("", avoiding: []) == "sheet")
  }

  @Test("a duplicate sheet name is an error naming it")
  func duplicate() {
    #expect(throws: ExportError.self) {
      try SpreadsheetFile.bytes([Sheet(name: "a", header: [], rows: []), Sheet(name: "a", header: [], rows: [])])
    }
  }
}
