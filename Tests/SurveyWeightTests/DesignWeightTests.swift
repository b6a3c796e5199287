import SurveyCore
import SurveyDesign
import Testing
import _SurveyTestSupport

@testable import SurveyWeight

/// The design weights of `spec` over `table`.
private func designWeights(_ spec: DesignSpec, table: DataTable) throws -> DesignWeights {
  try Weighting.designWeights(SampleStructure(table: table, spec: spec), table: table)
}

@Suite("Weight: design weights")
struct DesignWeightTests {
  let location = { (line: Int, id: String) in RowLocation(batch: "batch.csv", line: line, recordID: id) }

  @Test("a weight column is taken as it is")
  func weightColumn() throws {
    let table = weightTable([numberColumn("w", [2, 2, 4, 1.5, 1.5, 1.5])])
    let weights = try designWeights(DesignSpec(weight: "w", strata: "h"), table: table)
    #expect(weights.values == [2, 2, 4, 1.5, 1.5, 1.5])
    #expect(weights.rule == .weight(column: "w"))
    #expect(weights.notes.isEmpty)
  }

  @Test("a probability column gives 1/p")
  func probability() throws {
    let table = weightTable([numberColumn("p", [0.5, 0.5, 0.25, 1, 0.125, 0.8])])
    let weights = try designWeights(DesignSpec(probability: "p"), table: table)
    #expect(weights.values == [2, 2, 4, 1, 8, 1.25])
  }

  @Test("fpc counts: N_h / n_h with n_h the distinct PSUs of the stratum")
  func fpcCounts() throws {
    // A: 2 PSUs of N = 10 → 5; B: 3 PSUs (ids repeat A's, but are nested) of N = 12 → 4.
    let table = weightTable([numberColumn("N", [10, 10, 10, 12, 12, 12])])
    let weights = try designWeights(DesignSpec(strata: "h", psu: ["psu"], fpc: ["N"]), table: table)
    #expect(weights.values == [5, 5, 5, 4, 4, 4])
    #expect(weights.rule == .fpcCounts(columns: ["N"]))
  }

  @Test("fpc fractions: N_h = n_h / f, so the weight is 1/f; no PSU column = every row a PSU")
  func fpcFractions() throws {
    let table = weightTable([numberColumn("f", [0.5, 0.5, 0.5, 0.25, 0.25, 0.25])])
    let clustered = try designWeights(DesignSpec(strata: "h", psu: ["psu"], fpc: ["f"]), table: table)
    #expect(clustered.values == [2, 2, 2, 4, 4, 4])
    #expect(clustered.rule == .fpcFractions(columns: ["f"]))
    // Rows as PSUs: A has n = 3, N = 6; B has n = 3, N = 12.
    let rows = try designWeights(DesignSpec(strata: "h", fpc: ["f"]), table: table)
    #expect(rows.values == [2, 2, 2, 4, 4, 4])
  }

  @Test("neither weight nor fpc: weight 1 with a note")
  func equal() throws {
    let weights = try designWeights(DesignSpec(strata: "h"), table: weightTable([]))
    #expect(weights.values == [1, 1, 1, 1, 1, 1])
    #expect(weights.rule == .equal)
    #expect(weights.notes.count == 1)
  }

  @Test("rows with a missing, negative or impossible weight stop with their location; 0 is a weight")
  func badRows() throws {
    #expect(throws: DesignError.missingValue(column: "w", at: location(4, "R3"))) {
      try designWeights(DesignSpec(weight: "w"), table: weightTable([numberColumn("w", [1, 1, nil, 1, 1, 1])]))
    }
    #expect(throws: DesignError.negativeWeight(column: "w", at: location(3, "R2"))) {
      try designWeights(DesignSpec(weight: "w"), table: weightTable([numberColumn("w", [1, -2, 1, 1, 1, 1])]))
    }
    // A weight of 0 (a nonrespondent of an earlier weighting) keeps its row out of estimates, as in R.
    let zero = try designWeights(DesignSpec(weight: "w"), table: weightTable([numberColumn("w", [1, 0, 1, 1, 1, 1])]))
    #expect(zero.values == [1, 0, 1, 1, 1, 1])
    #expect(throws: DesignError.nonPositive(column: "p", at: location(3, "R2"))) {
      try designWeights(DesignSpec(probability: "p"), table: weightTable([numberColumn("p", [1, 0, 1, 1, 1, 1])]))
    }
    #expect(throws: DesignError.probabilityAboveOne(column: "p", at: location(7, "R6"))) {
      try designWeights(DesignSpec(probability: "p"), table: weightTable([numberColumn("p", [1, 1, 1, 1, 1, 1.2])]))
    }
    let message = DesignError.nonPositive(column: "w", at: location(3, "R2")).errorDescription
    #expect(message == "batch.csv:3 (record R2): the value in 'w' must be a positive finite number")
  }

  @Test("fpc errors: mixed kinds, varying in a stratum, below the sample size")
  func fpcErrors() {
    let spec = DesignSpec(weight: "w", strata: "h", psu: ["psu"], fpc: ["N"])
    let w = numberColumn("w", [1, 1, 1, 1, 1, 1])
    #expect(throws: DesignError.mixedFPC(column: "N", at: location(5, "R4"))) {
      try designWeights(spec, table: weightTable([w, numberColumn("N", [10, 10, 10, 0.5, 0.5, 0.5])]))
    }
    #expect(throws: DesignError.fpcVariesWithinStratum(column: "N", stage: 1, stratum: "B", at: location(7, "R6"))) {
      try designWeights(spec, table: weightTable([w, numberColumn("N", [10, 10, 10, 12, 12, 13])]))
    }
    // B has 3 PSUs; a population of 2 is impossible.
    #expect(throws: DesignError.fpcBelowSampleSize(column: "N", stage: 1, stratum: "B", at: location(5, "R4"))) {
      try designWeights(spec, table: weightTable([w, numberColumn("N", [10, 10, 10, 2, 2, 2])]))
    }
    #expect(throws: DesignError.missingValue(column: "N", at: location(2, "R1"))) {
      try designWeights(spec, table: weightTable([w, numberColumn("N", [nil, 10, 10, 12, 12, 12])]))
    }
  }

  @Test("usage mistakes: weight and probability together, unknown column, not numbers")
  func usage() {
    let table = weightTable([numberColumn("w", [1, 1, 1, 1, 1, 1])])
    #expect(throws: DesignError.weightAndProbability(weight: "w", probability: "w")) {
      try designWeights(DesignSpec(weight: "w", probability: "w"), table: table)
    }
    #expect(throws: DesignError.unknownColumn(column: "pw")) {
      try designWeights(DesignSpec(weight: "pw"), table: table)
    }
    #expect(throws: DesignError.notNumeric(column: "h")) {
      try designWeights(DesignSpec(weight: "h"), table: table)
    }
  }
}

@Suite("Weight: a census")
struct CensusWeightTests {
  @Test("a census weighs every row 1 (even a single row), rule census, and says why in its note")
  func census() throws {
    var spec = DesignSpec()
    spec.census = true
    let table = weightTable([numberColumn("w", [2, 2, 4, 1.5, 1.5, 1.5])])
    let weights = try designWeights(spec, table: table)
    #expect(weights.values == [1, 1, 1, 1, 1, 1] && weights.rule == .census && weights.rule.name == "census")
    #expect(weights.notes.first?.contains("no sampling error") == true)
    // One row and no strata: a sample would be refused (a single PSU); a census of one is fine.
    let one = testTable([numberColumn("w", [3])])
    #expect(try designWeights(spec, table: one).values == [1])
  }
}
