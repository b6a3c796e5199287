import SurveyCore
import Testing

@Suite("floods of per-column and per-line findings")
struct FindingFloodTests {
  static func unknown(_ name: String?, batch: String = "b.csv", index: Int = 0) -> Finding {
    Finding(
      severity: .warning, rule: .unknownColumn, variable: name, batch: batch, line: 1,
      message: "a column matches no variable", batchIndex: index)
  }

  static func empty(_ line: Int, batch: String = "b.csv") -> Finding {
    Finding(severity: .info, rule: .emptyRecord, batch: batch, line: line, message: "empty", batchIndex: 0)
  }

  @Test("up to the limit, one finding a column; above it, one summary per batch with the first names")
  func columns() {
    let few = (1...Finding.floodLimit).map { Self.unknown("c\($0)") }
    #expect(few.collapsingFloods() == few)
    let many = (1...5000).map { Self.unknown($0 == 2 ? nil : "c\($0)") } + [Self.unknown("other", batch: "c.csv", index: 1)]
    let code = Finding(severity: .error, rule: .code, variable: "sex", batch: "b.csv", line: 2, message: "m", batchIndex: 0)
    let collapsed = ([code] + many).collapsingFloods()
    #expect(collapsed.count == 3)
    #expect(collapsed[0] == code)
    #expect(collapsed[1].rule == .unknownColumn)
    #expect(collapsed[1].severity == .warning)
    #expect(collapsed[1].batch == "b.csv")
    #expect(collapsed[1].line == 1)
    #expect(collapsed[1].variable == nil)
    #expect(
      collapsed[1].message
        == "5000 columns match no variable of the codebook; their values are not read; the first 5: 'c1', (no name), 'c3', 'c4', 'c5'")
    #expect(collapsed[2] == Self.unknown("other", batch: "c.csv", index: 1))
  }

  @Test("a huge column name is cut in the summary")
  func hugeName() {
    let many = (1...30).map { Self.unknown(String(repeating: "n", count: 1000 + $0)) }
    let summary = many.collapsingFloods()[0].message
    #expect(summary.contains("'" + String(repeating: "n", count: 40) + "…[1001 bytes]'"))
    #expect(summary.count < 500)
  }

  @Test("per-line findings become one summary naming the lines as ranges, worst severity kept")
  func lines() {
    var findings = (3...5002).map { Self.empty($0) } + [Self.empty(6000)]
    findings[7].severity = .warning
    let collapsed = findings.collapsingFloods()
    #expect(collapsed.count == 1)
    #expect(collapsed[0].line == 3)
    #expect(collapsed[0].severity == .warning)
    #expect(collapsed[0].message == "5001 records have only empty fields and were skipped; lines 3-5002, 6000")
    let scattered = stride(from: 2, through: 80, by: 2).map { Self.empty($0) }
    #expect(
      scattered.collapsingFloods()[0].message
        == "40 records have only empty fields and were skipped; lines 2, 4, 6, 8, 10, 12, 14, 16, 18, 20 and 30 more")
  }

  @Test("findings about records are never collapsed")
  func records() {
    let findings = (2...100).map { (line: Int) in
      Finding(severity: .error, rule: .raggedRow, recordID: "R\(line)", batch: "b.csv", line: line, message: "m", batchIndex: 0)
    }
    #expect(findings.collapsingFloods() == findings)
  }
}
