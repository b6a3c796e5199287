import Testing

@testable import SurveySynth

@Suite("Synth: sample design and weights")
struct SampleDesignTests {
  @Test("Weights add up to Moldova's 2.0 million adults", arguments: [400, 5_000, 100_000])
  func weightsSumToPopulation(rows: Int) throws {
    let design = SampleDesign(rows: rows, seed: 9)
    #expect(design.populationTotal == 2_000_000)
    let total = Self.weightTotal(design)
    #expect(abs(total - 2_000_000) / 2_000_000 < 0.01)
  }

  @Test("Written weights add up to the population")
  func writtenWeights() throws {
    let survey = try WrittenSurvey(rows: 5_000, seed: 2)
    let weight = survey.header.firstIndex(of: "design_weight")!
    let total = survey.rows.reduce(0.0) { $0 + Double($1[weight])! }
    #expect(abs(total - 2_000_000) / 2_000_000 < 0.01)
  }

  @Test("PSUs of 20, at least two per stratum, oversampled small strata")
  func allocation() {
    let design = SampleDesign(rows: 100_000, seed: 1)
    #expect(design.psuSize == 20)
    #expect(design.psuCount == 5_000)
    #expect(design.strata.allSatisfy { $0.psus >= 2 && $0.fpc >= $0.psus })
    let weights = design.strata.map { Double($0.adults) / Double($0.rows) }
    // Găgăuzia urban (smallest) has smaller weights than Chișinău urban (largest).
    #expect(weights[8] < weights[0] * 0.8)
    #expect(design.strata.map(\.rows).reduce(0, +) == 100_000)
  }

  @Test("Small samples still have two PSUs per stratum", arguments: [20, 57, 399])
  func smallSamples(rows: Int) {
    let design = SampleDesign(rows: rows, seed: 1)
    #expect(design.strata.allSatisfy { $0.psus >= 2 })
    #expect(design.strata.map(\.rows).reduce(0, +) == rows)
  }

  @Test("Weights and fpcs stay within the codebook's ranges at every size", arguments: [1, 7, 25, 1_000_000, 3_000_000, 10_000_000])
  func codebookRanges(rows: Int) {
    let design = SampleDesign(rows: rows, seed: 3)
    var psus = design.psus()
    var lowest = Int.max, highest = 0
    while let psu = psus.next() {
      let cents = design.strata[psu.stratum].weightCents(sizeFactor: psu.profile.sizeFactor)
      lowest = min(lowest, cents)
      highest = max(highest, cents)
    }
    #expect(lowest >= 100)
    #expect(highest <= 10_000_000)
    #expect(design.strata.allSatisfy { $0.fpc >= $0.psus && $0.fpc <= 100_000 })
    let total = Self.weightTotal(design)
    let represented = design.strata.filter { $0.psus > 0 }.reduce(0) { $0 + $1.adults }
    #expect(abs(total - Double(represented)) / Double(represented) < 0.001)
  }

  @Test("Up to a million rows the population is Moldova's; beyond it grows with the sample")
  func populationScale() {
    #expect(SampleDesign(rows: 1_000_000, seed: 1).populationScale == 1)
    let huge = SampleDesign(rows: 10_000_000, seed: 1)
    #expect(huge.populationScale > 1)
    #expect(huge.psuSize == 25)
  }

  @Test("Margins add up to the population for every variable")
  func margins() throws {
    let design = SampleDesign(rows: 5_000, seed: 1)
    let margins = PopulationMargins(strata: design.strata)
    for variable in ["sex", "region", "age_group"] {
      let total = margins.rows.filter { $0.variable == variable }.reduce(0) { $0 + $1.total }
      #expect(total == 2_000_000)
    }
    #expect(margins.rows.filter { $0.variable == "region" }.map(\.total) == [600_000, 540_000, 540_000, 230_000, 90_000])
    #expect(PopulationMargins.apportion([1, 1, 1], to: 10) == [4, 3, 3])
  }

  static func weightTotal(_ design: SampleDesign) -> Double {
    var psus = design.psus()
    var total = 0.0
    while let psu = psus.next() {
      total += Double(design.strata[psu.stratum].weightCents(sizeFactor: psu.profile.sizeFactor)) / 100 * Double(psu.size)
    }
    return total
  }
}
