import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyWeight

@Suite("Weight: post-stratification")
struct PostStratificationTests {
  /// h = A A A B B B, g = x y x y x y, weights 2 2 4 | 1.5 1.5 1.5.
  let data = weightTable([codeColumn("g", ["x", "y", "x", "y", "x", "y"])])
  let weights: [Double] = [2, 2, 4, 1.5, 1.5, 1.5]

  @Test("weights × population / weighted sample count in each post-stratum")
  func handCalculation() throws {
    let file = try margins([("h", "A", 16), ("h", "B", 9)])
    let outcome = try PostStratification(spec: PostStratifySpec(variable: "h", margins: "margins.csv"))
      .apply(weights, table: data, margins: file)
    // A: 16/8 = 2; B: 9/4.5 = 2.
    #expect(outcome.weights == [4, 4, 8, 3, 3, 3])
    #expect(outcome.adjustment.reweight == [2, 2])
    #expect(outcome.step.targets.map(\.achieved) == [16, 9])
    #expect(outcome.step.maxRelativeError == 0)
  }

  @Test("joint cells h:g, levels such as A:x; a zero total without sample is ignored")
  func joint() throws {
    let file = try margins([("h:g", "A:x", 12), ("h:g", "A:y", 4), ("h:g", "B:x", 3), ("h:g", "B:y", 6), ("h:g", "C:x", 0)])
    let outcome = try PostStratification(spec: PostStratifySpec(variable: "h:g", margins: "margins.csv"))
      .apply(weights, table: data, margins: file)
    // A:x rows 1, 3 (2 + 4 = 6 → 12: × 2); A:y row 2 (2 → 4: × 2); B:x row 5 (1.5 → 3: × 2);
    // B:y rows 4, 6 (3 → 6: × 2).
    #expect(outcome.weights == [4, 4, 8, 3, 3, 3])
    #expect(outcome.step.targets.map(\.level) == ["A:x", "A:y", "B:x", "B:y"])
  }

  @Test("failures name the variable, the level and the margins file and line")
  func failures() throws {
    let spec = PostStratifySpec(variable: "h", margins: "margins.csv")
    #expect(throws: WeightError.sampleLevelNotInMargins(variable: "h", level: "B", step: "poststratify", file: "margins.csv", respondents: 3)) {
      try PostStratification(spec: spec).apply(weights, table: data, margins: try margins([("h", "A", 16)]))
    }
    #expect(
      WeightError.sampleLevelNotInMargins(variable: "h", level: "B", step: "poststratify", file: "margins.csv", respondents: 3)
        .errorDescription
        == "poststratify: 3 respondents with h = B, but margins.csv gives that level no population total (or a total of 0)")
    #expect(throws: WeightError.marginLevelNotInSample(variable: "h", level: "C", step: "poststratify", file: "margins.csv", line: 4)) {
      try PostStratification(spec: spec).apply(weights, table: data, margins: try margins([("h", "A", 16), ("h", "B", 9), ("h", "C", 5)]))
    }
    #expect(
      WeightError.marginLevelNotInSample(variable: "h", level: "C", step: "poststratify", file: "margins.csv", line: 4)
        .errorDescription == "margins.csv:4: poststratify: h = C has a population total but no respondent with a weight in the sample")
    #expect(throws: WeightError.noMargin(variable: "h", step: "poststratify", file: "margins.csv")) {
      try PostStratification(spec: spec).apply(weights, table: data, margins: try margins([("sex", "1", 16)]))
    }
    #expect(throws: WeightError.malformedJointLevel(variable: "h:g", level: "A", file: "margins.csv", line: 2)) {
      try PostStratification(spec: PostStratifySpec(variable: "h:g", margins: "margins.csv"))
        .apply(weights, table: data, margins: try margins([("h:g", "A", 16)]))
    }
    #expect(throws: WeightError.missingValue(column: "k", step: "poststratify", at: place(4))) {
      try PostStratification(spec: PostStratifySpec(variable: "k", margins: "margins.csv")).apply(
        weights, table: weightTable([codeColumn("k", ["a", "a", nil, "b", "b", "b"])]),
        margins: try margins([("k", "a", 1), ("k", "b", 1)]))
    }
  }
}
