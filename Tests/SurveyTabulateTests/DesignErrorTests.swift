import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyTabulate

@Suite("Tabulate: design errors name the row, never the value")
struct DesignErrorTests {
  func resolve(h: [String?], psu: [String], n: [Double?], weights: [Double] = [1, 1, 1, 1]) throws -> SurveyDesign {
    let table = testTable(
      [codeColumn("h", h), codeColumn("psu", psu), numberColumn("N", n), textColumn("id", ["R1", "R2", "R3", "R4"])],
      id: "id")
    return try SurveyDesign(table: table, spec: DesignSpec(strata: "h", psu: ["psu"], fpc: ["N"]), weights: weights)
  }

  let location = { (line: Int, id: String) in TabulateError.Location(batch: "test.csv", line: line, recordID: id) }

  @Test("fpc mixing fractions and counts")
  func mixed() {
    #expect(throws: TabulateError.mixedFPC(column: "N", at: location(4, "R3"))) {
      try resolve(h: ["A", "A", "B", "B"], psu: ["1", "2", "3", "4"], n: [10, 10, 0.5, 0.5])
    }
  }

  @Test("fpc varying within a stratum")
  func varies() throws {
    #expect(throws: TabulateError.fpcVariesWithinStratum(column: "N", stratum: "A", at: location(3, "R2"))) {
      try resolve(h: ["A", "A", "B", "B"], psu: ["1", "2", "3", "4"], n: [10, 11, 10, 10])
    }
    let message = TabulateError.fpcVariesWithinStratum(column: "N", stratum: "A", at: location(3, "R2")).errorDescription
    #expect(message == "test.csv:3 (record R2): 'N' differs from its value on the first row of stratum 'A'; it must be constant within a stratum")
  }

  @Test("fpc below the number of sampled PSUs")
  func belowSample() {
    #expect(throws: TabulateError.fpcBelowSampleSize(column: "N", stratum: "B", at: location(4, "R3"))) {
      try resolve(h: ["A", "A", "B", "B"], psu: ["1", "2", "3", "4"], n: [10, 10, 1.5, 1.5])
    }
  }

  @Test("missing stratum, missing fpc, negative weight")
  func missing() {
    #expect(throws: TabulateError.missingDesignValue(column: "h", at: location(5, "R4"))) {
      try resolve(h: ["A", "A", "B", nil], psu: ["1", "2", "3", "4"], n: [10, 10, 10, 10])
    }
    #expect(throws: TabulateError.missingDesignValue(column: "N", at: location(2, "R1"))) {
      try resolve(h: ["A", "A", "B", "B"], psu: ["1", "2", "3", "4"], n: [nil, 10, 10, 10])
    }
    #expect(throws: TabulateError.invalidWeight(at: location(3, "R2"))) {
      try resolve(h: ["A", "A", "B", "B"], psu: ["1", "2", "3", "4"], n: [10, 10, 10, 10], weights: [1, -1, 1, 1])
    }
  }

  @Test("fractions: N = n / fraction; all-ones fractions are a census (f = 0)")
  func fractions() throws {
    let design = try resolve(h: ["A", "A", "B", "B"], psu: ["1", "2", "3", "4"], n: [0.5, 0.5, 1, 1])
    // A: N = 2 / 0.5 = 4, f = (4 − 2)/4; B: N = 2, f = 0.
    #expect(design.finiteCorrection == [0.5, 0])
  }
}
