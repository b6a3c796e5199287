import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyDesign

/// Five rows from `b.csv` (lines 2–6): strata h = A A A B B, PSUs psu = 1 1 2 1 2, then `extra`.
private func designTable(_ extra: [Column]) -> DataTable {
  testTable(
    [codeColumn("h", ["A", "A", "A", "B", "B"]), numberColumn("psu", [1, 1, 2, 1, 2])] + extra, batch: "b.csv")
}

private func structure(_ fpc: [Double?], strata: String? = "h") throws(DesignError) -> SampleStructure {
  try SampleStructure(
    table: designTable([numberColumn("fpc", fpc)]), spec: DesignSpec(strata: strata, psu: ["psu"], fpc: ["fpc"]))
}

private func line(_ line: Int) -> RowLocation { RowLocation(batch: "b.csv", line: line, recordID: nil) }

@Suite("Design: strata, sampling units and population sizes")
struct SampleStructureTests {
  @Test("strata and nested PSUs: n_h counts distinct PSUs per stratum")
  func strata() throws {
    let design = try SampleStructure(table: designTable([]), spec: DesignSpec(strata: "h", psu: ["psu"]))
    #expect(design.stratum == [0, 0, 0, 1, 1])
    #expect(design.first.strataCount == 2)
    #expect(design.first.sampledUnits(inStratum: 0) == 2)
    #expect(design.first.sampledUnits(inStratum: 1) == 2)
    #expect(design.first.units.unit == [0, 0, 1, 2, 3])
    #expect(design.first.strataLabels?[1] == "B")
    #expect(design.first.finiteCorrection == [1, 1])
    #expect(design.varianceStageCount == 1)
    let unstratified = try SampleStructure(table: designTable([]), spec: DesignSpec())
    #expect(unstratified.first.strataCount == 1)
    #expect(unstratified.first.sampledUnits(inStratum: 0) == 5)
    #expect(unstratified.first.strataLabels == nil)
  }

  @Test("counts when any value is above 1, fractions otherwise (N_h = n_h / f)")
  func countsAndFractions() throws {
    let counts = try structure([10, 10, 10, 4, 4])
    #expect(counts.first.population == [10, 4])
    #expect(counts.fpcFractions == false)
    // f = (N − n)/N: A (10 − 2)/10, B (4 − 2)/4.
    #expect(counts.first.finiteCorrection == [0.8, 0.5])
    let fractions = try structure([0.5, 0.5, 0.5, 1, 1])
    #expect(fractions.first.population == [4, 2])
    #expect(fractions.fpcFractions == true)
    // All PSUs of B sampled: a census stratum, f = 0.
    #expect(fractions.first.finiteCorrection == [0.5, 0])
  }

  @Test("problems name the column, the row and the stratum")
  func problems() {
    #expect(throws: DesignError.missingValue(column: "fpc", at: line(4))) { try structure([10, 10, nil, 4, 4]) }
    #expect(throws: DesignError.nonPositive(column: "fpc", at: line(3))) { try structure([10, 0, 10, 4, 4]) }
    #expect(throws: DesignError.nonPositive(column: "fpc", at: line(2))) { try structure([.infinity, 10, 10, 4, 4]) }
    #expect(throws: DesignError.mixedFPC(column: "fpc", at: line(5))) { try structure([10, 10, 10, 0.5, 0.5]) }
    #expect(throws: DesignError.fpcVariesWithinStratum(column: "fpc", stage: 1, stratum: "A", at: line(4))) {
      try structure([10, 10, 11, 4, 4])
    }
    #expect(throws: DesignError.fpcVariesWithinStratum(column: "fpc", stage: 1, stratum: nil, at: line(5))) {
      try structure([10, 10, 10, 4, 4], strata: nil)
    }
    #expect(throws: DesignError.fpcBelowSampleSize(column: "fpc", stage: 1, stratum: "B", at: line(5))) {
      try structure([10, 10, 10, 1.5, 1.5])
    }
    #expect(throws: DesignError.unknownColumn(column: "region")) {
      try SampleStructure(table: designTable([]), spec: DesignSpec(strata: "region"))
    }
    #expect(throws: DesignError.fpcStages(fpcColumns: 1, stages: 2)) {
      try SampleStructure(table: designTable([numberColumn("fpc", [9, 9, 9, 9, 9])]), spec: DesignSpec(psu: ["h", "psu"], fpc: ["fpc"]))
    }
    let message = DesignError.fpcVariesWithinStratum(column: "N", stage: 1, stratum: "A", at: line(3)).errorDescription
    #expect(message == "b.csv:3: 'N' differs from its value on the first row of stratum 'A'; it must be constant there")
  }

  /// Two stages by hand: 2 PSUs of 10 (a: 3 rows, 2 SSUs of 4; b: 2 rows, 2 SSUs of 2).
  ///
  /// ```
  /// row psu ssu N1 N2
  ///  0   a   1  10  4
  ///  1   a   1  10  4
  ///  2   a   2  10  4
  ///  3   b   1  10  2
  ///  4   b   2  10  2
  /// ```
  @Test("two stages: second-stage units within each PSU, an fpc per stage, implied weights")
  func twoStages() throws {
    let table = testTable([
      codeColumn("psu", ["a", "a", "a", "b", "b"]), numberColumn("ssu", [1, 1, 2, 1, 2]),
      numberColumn("N1", [10, 10, 10, 10, 10]), numberColumn("N2", [4, 4, 4, 2, 2]),
    ])
    let design = try SampleStructure(table: table, spec: DesignSpec(psu: ["psu", "ssu"], fpc: ["N1", "N2"]))
    #expect(design.stages.count == 2)
    #expect(design.varianceStageCount == 2)
    let second = design.stages[1]
    // Second-stage strata are the PSUs; ssu 1 of a and ssu 1 of b are different units.
    #expect(second.strataCount == 2)
    #expect(second.units.unit == [0, 0, 1, 2, 3])
    #expect(second.sampledUnits(inStratum: 0) == 2)
    #expect(second.population == [4, 2])
    #expect(second.finiteCorrection == [0.5, 0])
    #expect(second.strataLabels == ["psu=a", "psu=b"])
    // Weights: (N1/n1) (N2/n2) = 5 · 2 for a, 5 · 1 for b.
    #expect(design.impliedWeights() == [10, 10, 10, 5, 5])
    #expect(design.first.samplingFraction(ofStratum: 0) == 0.2)
    // Without fpcs only the first stage counts (with-replacement, ultimate cluster).
    let noFPC = try SampleStructure(table: table, spec: DesignSpec(psu: ["psu", "ssu"]))
    #expect(noFPC.varianceStageCount == 1)
    #expect(noFPC.impliedWeights() == nil)
  }

  @Test("an fpc must be constant within its stratum at the second stage too")
  func secondStageFPC() {
    let table = testTable([
      codeColumn("psu", ["a", "a", "b"]), numberColumn("ssu", [1, 2, 1]), numberColumn("N1", [5, 5, 5]),
      numberColumn("N2", [4, 3, 2]),
    ])
    #expect(
      throws: DesignError.fpcVariesWithinStratum(
        column: "N2", stage: 2, stratum: "psu=a", at: RowLocation(batch: "test.csv", line: 3, recordID: nil))
    ) {
      try SampleStructure(table: table, spec: DesignSpec(psu: ["psu", "ssu"], fpc: ["N1", "N2"]))
    }
  }
}

@Suite("Design: a single PSU")
struct SinglePSUTests {
  @Test("without strata a single PSU is refused, as R refuses it; with strata it is a lonely PSU")
  func singlePSU() throws {
    let table = testTable([codeColumn("psu", ["a", "a", "a"]), codeColumn("h", ["x", "x", "x"])])
    #expect(throws: DesignError.singlePSU(column: "psu")) {
      try SampleStructure(table: table, spec: DesignSpec(psu: ["psu"]))
    }
    #expect(
      DesignError.singlePSU(column: "psu").errorDescription
        == "the design has only one primary sampling unit (every row has the same PSU ('psu')), so no variance can be estimated (R: 'Design has only one primary sampling unit'); check the PSU column, or give strata")
    _ = try SampleStructure(table: table, spec: DesignSpec(strata: "h", psu: ["psu"]))
  }
}
