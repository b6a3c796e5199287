import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyWeight

@Suite("Weight: nonresponse adjustment by weighting classes")
struct NonresponseAdjustmentTests {
  /// Classes h = A (rows 1–3) and B (rows 4–6); weights 2 2 4 | 1.5 1.5 1.5.
  func table(responded: [String?]) -> DataTable {
    weightTable([numberColumn("w", [2, 2, 4, 1.5, 1.5, 1.5]), codeColumn("r", responded)])
  }

  @Test("respondents' weights × class total / respondents' total; nonrespondents get 0")
  func handCalculation() throws {
    let data = table(responded: ["1", "0", "1", "1", "1", "0"])
    let spec = NonresponseSpec(response: "r", classes: ["h"], minRespondents: 2)
    let outcome = try NonresponseAdjustment(spec: spec).apply([2, 2, 4, 1.5, 1.5, 1.5], table: data)
    // A: total 2 + 2 + 4 = 8, respondents 2 + 4 = 6, factor 8/6: 2 · 4/3 = 8/3, 0, 4 · 4/3 = 16/3.
    // B: total 4.5, respondents 3, factor 1.5: 2.25, 2.25, 0. Each class keeps its total.
    #expect(allClose(outcome.weights, [8.0 / 3, 0, 16.0 / 3, 2.25, 2.25, 0]))
    #expect(outcome.step.classes.map(\.factor) == [8.0 / 6, 1.5])
    #expect(outcome.step.classes.map(\.respondents) == [2, 2])
    #expect(outcome.step.classes.map(\.nonrespondents) == [1, 1])
    #expect(outcome.step.classes[0].label == "h=A")
    #expect(outcome.step.after.zeros == 2)
    #expect(outcome.findings.isEmpty)
  }

  @Test("no classes: one class of every row; yes/no and true/false read as 1/0")
  func oneClass() throws {
    let data = table(responded: ["yes", "no", "true", "YES", "false", "y"])
    let outcome = try NonresponseAdjustment(spec: NonresponseSpec(response: "r", classes: [])).apply(
      [2, 2, 4, 1.5, 1.5, 1.5], table: data)
    // Total 12.5, respondents 2 + 4 + 1.5 + 1.5 = 9: factor 12.5/9.
    let f = 12.5 / 9
    #expect(allClose(outcome.weights, [2 * f, 0, 4 * f, 1.5 * f, 0, 1.5 * f]))
    #expect(outcome.step.classes.map(\.label) == ["all rows"])
  }

  @Test("a class with few respondents carrying nonrespondents is a warning finding")
  func smallClass() throws {
    let data = table(responded: ["1", "0", "1", "1", "1", "1"])
    let outcome = try NonresponseAdjustment(spec: NonresponseSpec(response: "r", classes: ["h"], minRespondents: 3))
      .apply([2, 2, 4, 1.5, 1.5, 1.5], table: data)
    // A has 2 respondents and a nonrespondent; B has 3 respondents and none to carry.
    #expect(outcome.findings.count == 1)
    let finding = try #require(outcome.findings.first)
    #expect(finding.severity == .warning)
    #expect(finding.rule == .nonresponseClass)
    #expect(
      finding.message
        == "the weighting class h=A has 2 respondents, fewer than min_respondents (3); their weights are multiplied by 1.33333 to carry 1 nonrespondent")
  }

  @Test("failures: a class without respondents, a missing or unreadable response, a missing class")
  func failures() throws {
    let noRespondents = table(responded: ["0", "0", "0", "1", "1", "0"])
    #expect(throws: WeightError.noRespondents(weightingClass: "h=A", nonrespondents: 3)) {
      try NonresponseAdjustment(spec: NonresponseSpec(response: "r", classes: ["h"])).apply(
        [2, 2, 4, 1.5, 1.5, 1.5], table: noRespondents)
    }
    #expect(
      WeightError.noRespondents(weightingClass: "h=A", nonrespondents: 3).errorDescription
        == "nonresponse: the weighting class h=A has no respondents (3 nonrespondents), so its weight cannot be carried by anyone; merge it with a neighbouring class")
    let missing = table(responded: ["1", nil, "1", "1", "1", "0"])
    #expect(throws: WeightError.missingValue(column: "r", step: "nonresponse", at: place(3))) {
      try NonresponseAdjustment(spec: NonresponseSpec(response: "r", classes: ["h"])).apply(
        [2, 2, 4, 1.5, 1.5, 1.5], table: missing)
    }
    #expect(
      WeightError.missingValue(column: "r", step: "nonresponse", at: place(3)).errorDescription
        == "batch.csv:3 (record R2): nonresponse: 'r' has no value on a row with a weight; weighting variables need a value on every such row")
    // A row with weight 0 may lack a response: it takes no part.
    _ = try NonresponseAdjustment(spec: NonresponseSpec(response: "r", classes: ["h"])).apply(
      [2, 0, 4, 1.5, 1.5, 1.5], table: missing)
    let unreadable = table(responded: ["1", "2", "1", "1", "1", "0"])
    #expect(throws: WeightError.invalidResponse(column: "r", at: place(3))) {
      try NonresponseAdjustment(spec: NonresponseSpec(response: "r", classes: [])).apply(
        [2, 2, 4, 1.5, 1.5, 1.5], table: unreadable)
    }
    #expect(
      WeightError.invalidResponse(column: "r", at: place(3)).errorDescription
        == "batch.csv:3 (record R2): nonresponse: 'r' must say 1 (yes, true) for respondents and 0 (no, false) for nonrespondents")
    #expect(throws: WeightError.unknownColumn(column: "region", step: "nonresponse")) {
      try NonresponseAdjustment(spec: NonresponseSpec(response: "r", classes: ["region"])).apply(
        [2, 2, 4, 1.5, 1.5, 1.5], table: table(responded: ["1", "1", "1", "1", "1", "1"]))
    }
  }
}
