import SurveyCore
import Testing

@testable import SurveyFuzz

/// The YAML checks must be able to fail.
@Suite("YAML fuzz target: checks")
struct YAMLFuzzTargetTests {
  @Test("a refusal is a CoreError whose message starts with the file name")
  func refusals() {
    let named = CoreError.invalidValue(file: YAMLFuzzTarget.file, line: 3, key: "id", problem: "x")
    #expect(YAMLFuzzTarget.errorViolations(named, loader: "test") == [])
    let elsewhere = CoreError.unwritableOutput(path: "/tmp/x", reason: "full")
    #expect(YAMLFuzzTarget.errorViolations(elsewhere, loader: "test").count == 1)
    #expect(YAMLFuzzTarget.errorViolations(CocoaLikeError(), loader: "test").count == 1)
  }

  @Test("an accepted codebook has unique names, a usable id and expressions over its variables")
  func codebooks() throws {
    let good = try Codebook.parse(
      yaml: """
        survey: s
        id: rid
        variables:
          - {name: rid, type: text}
          - {name: age, type: integer, relevant: "rid != 'x'"}
        """)
    #expect(YAMLFuzzTarget.codebookViolations(good) == [])
    var twice = good
    twice.variables.append(good.variables[1])
    #expect(YAMLFuzzTarget.codebookViolations(twice).count == 1)
    var noID = good
    noID.idVariable = "nobody"
    #expect(YAMLFuzzTarget.codebookViolations(noID).count == 1)
    var unknown = good
    unknown.variables[1].relevant = .binary(.equal, .variable("ghost"), .number(1))
    #expect(YAMLFuzzTarget.codebookViolations(unknown).count == 1)
  }
}

private struct CocoaLikeError: Error {}
