import SurveyCore
import Testing

/// Five rows from `b.csv` (lines 2–6): strata h = A A A B B, PSUs psu = 1 1 2 1 2, then `extra`.
private func designTable(_ extra: [Column]) -> DataTable {
  let strata = Column(
    name: "h", type: .categorical, values: .codes([0, 0, 0, 1, 1]), state: .init(repeating: .present, count: 5),
    levels: ["A", "B"])
  let psu = Column(
    name: "psu", type: .integer, values: .numbers([1, 1, 2, 1, 2]), state: .init(repeating: .present, count: 5))
  return DataTable(
    columns: [strata, psu] + extra, batches: [BatchInfo(name: "b.csv", path: "/b.csv")],
    rowBatch: [0, 0, 0, 0, 0], rowLine: [2, 3, 4, 5, 6])
}

private func fpc(_ values: [Double?]) -> Column {
  Column(
    name: "fpc", type: .decimal, values: .numbers(values.map { $0 ?? 0 }),
    state: values.map { $0 == nil ? .empty : .present })
}

private func sizes(_ values: [Double?], strata: String? = "h", finite: Bool = true) throws(DesignProblem)
  -> PopulationSizes
{
  let table = designTable([fpc(values)])
  let design = try DesignStrata(table: table, strata: strata, psu: "psu")
  return try PopulationSizes(column: "fpc", table: table, design: design, finite: finite)
}

private func line(_ line: Int) -> RowLocation { RowLocation(batch: "b.csv", line: line, recordID: nil) }

@Suite("Design columns: strata, PSUs and population sizes")
struct PopulationSizesTests {
  @Test("strata and nested PSUs: n_h counts distinct PSUs per stratum")
  func strata() throws {
    let design = try DesignStrata(table: designTable([]), strata: "h", psu: "psu")
    #expect(design.stratum == [0, 0, 0, 1, 1])
    #expect(design.strataCount == 2)
    #expect(design.sampledPSUs(inStratum: 0) == 2)
    #expect(design.sampledPSUs(inStratum: 1) == 2)
    #expect(design.psus.psu == [0, 0, 1, 2, 3])
    #expect(design.label(ofStratum: 1) == "B")
    let unstratified = try DesignStrata(table: designTable([]), strata: nil, psu: nil)
    #expect(unstratified.strataCount == 1)
    #expect(unstratified.sampledPSUs(inStratum: 0) == 5)
    #expect(unstratified.label(ofStratum: 0) == nil)
  }

  @Test("counts when any value is above 1, fractions otherwise (N_h = n_h / f)")
  func countsAndFractions() throws {
    let counts = try sizes([10, 10, 10, 4, 4])
    #expect(counts.population == [10, 4])
    #expect(!counts.fractions)
    let fractions = try sizes([0.5, 0.5, 0.5, 1, 1])
    #expect(fractions.population == [4, 2])
    #expect(fractions.fractions)
  }

  @Test("infinite counts: refused when finite, an infinite population otherwise")
  func infinity() throws {
    #expect(throws: DesignProblem.nonPositiveFPC(column: "fpc", at: line(2))) {
      try sizes([.infinity, 10, 10, 4, 4])
    }
    #expect(try sizes([.infinity, .infinity, .infinity, 4, 4], finite: false).population == [.infinity, 4])
  }

  @Test("problems name the column, the row and the stratum")
  func problems() {
    #expect(throws: DesignProblem.missingValue(column: "fpc", at: line(4))) { try sizes([10, 10, nil, 4, 4]) }
    #expect(throws: DesignProblem.nonPositiveFPC(column: "fpc", at: line(3))) { try sizes([10, 0, 10, 4, 4]) }
    #expect(throws: DesignProblem.mixedFPC(column: "fpc", at: line(5))) { try sizes([10, 10, 10, 0.5, 0.5]) }
    #expect(throws: DesignProblem.fpcVariesWithinStratum(column: "fpc", stratum: "A", at: line(4))) {
      try sizes([10, 10, 11, 4, 4])
    }
    #expect(throws: DesignProblem.fpcVariesWithinStratum(column: "fpc", stratum: nil, at: line(5))) {
      try sizes([10, 10, 10, 4, 4], strata: nil)
    }
    #expect(throws: DesignProblem.fpcBelowSampleSize(column: "fpc", stratum: "B", at: line(5))) {
      try sizes([10, 10, 10, 1.5, 1.5])
    }
    #expect(throws: DesignProblem.unknownColumn(column: "region")) {
      try DesignStrata(table: designTable([]), strata: "region", psu: nil)
    }
  }
}
