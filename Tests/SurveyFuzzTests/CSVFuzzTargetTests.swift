import SurveyCore
import Testing

@testable import SurveyFuzz

/// The CSV checks must be able to fail: each is fed a table that breaks it.
@Suite("CSV fuzz target: checks")
struct CSVFuzzTargetTests {
  @Test("rows start on increasing lines inside the file")
  func rowLines() {
    #expect(CSVFuzzTarget.rowLineViolations([2, 3, 5], total: 5) == [])
    #expect(CSVFuzzTarget.rowLineViolations([2, 2], total: 5).count == 1)
    #expect(CSVFuzzTarget.rowLineViolations([2, 6], total: 5).count == 1)
    #expect(CSVFuzzTarget.rowLineViolations([0], total: 5).count == 1)
  }

  @Test("codes of present cells index the levels; absent cells hold -1")
  func codes() {
    let good = Column(
      name: "sex", type: .categorical, values: .codes([0, 1, -1]), state: [.present, .present, .empty],
      levels: ["1", "2"])
    #expect(CSVFuzzTarget.cellViolations(good, rows: 3) == [])
    var outside = good
    outside.values = .codes([0, 2, -1])
    #expect(CSVFuzzTarget.cellViolations(outside, rows: 3).count == 1)
    var stale = good
    stale.values = .codes([0, 1, 0])
    #expect(CSVFuzzTarget.cellViolations(stale, rows: 3).count == 1)
    #expect(CSVFuzzTarget.cellViolations(good, rows: 4).count == 1)
  }

  @Test("invalid and missing-code cells keep their raw text, no other cell does")
  func raw() {
    let good = Column(
      name: "age", type: .integer, values: .numbers([25, 0, 0]), state: [.present, .invalid, .missingCode],
      raw: [1: "abc", 2: "98"])
    #expect(CSVFuzzTarget.cellViolations(good, rows: 3) == [])
    var lost = good
    lost.raw = [1: "abc"]
    #expect(CSVFuzzTarget.cellViolations(lost, rows: 3).count == 1)
    var extra = good
    extra.raw[0] = "25"
    #expect(CSVFuzzTarget.cellViolations(extra, rows: 3).count == 1)
  }

  @Test("present numbers are held exactly", arguments: [
    (Double.infinity, false, false), (.nan, false, false), (1e300, false, true), (1e300, true, false),
    (2.5, true, false), (9_007_199_254_740_992, true, true), (-42, true, true),
  ])
  func numbers(value: Double, integer: Bool, exact: Bool) {
    #expect((CSVFuzzTarget.numberProblem(value, integer: integer) == nil) == exact)
  }

  @Test("selections use only the bits of the levels")
  func selections() {
    let column = Column(
      name: "symptoms", type: .multiple, values: .selections([0b011, 0b100]), state: [.present, .present],
      levels: ["fever", "cough"])
    #expect(CSVFuzzTarget.cellViolations(column, rows: 2).count == 1)
  }
}
