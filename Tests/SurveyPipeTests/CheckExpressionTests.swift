import Foundation
import Testing
import _SurveyTestSupport

/// Expressions at and past the limits, and conditions the codebook's types decide, through the
/// built binary: refused with a message, never a crash.
@Suite("survey-pipe check and run: expressions")
struct CheckExpressionTests {
  /// A folder with `p.yml`, `a.csv` (ages 30 and 9500) and `c.yml` whose `age` (line 5) has
  /// `constraint: <expression>` on line 7.
  func folder(constraint expression: String) throws -> TemporaryDirectory {
    let folder = try TemporaryDirectory("check-expression")
    try folder.write("p.yml", "name: x\ncodebook: c.yml\ninputs: [a.csv]\n")
    try folder.write("a.csv", "rid,age\nR1,30\nR2,9500\n")
    try folder.write(
      "c.yml",
      "survey: s\nid: rid\nvariables:\n  - {name: rid, type: text}\n  - name: age\n    type: integer\n"
        + "    constraint: \"\(expression)\"\n")
    return folder
  }

  func expectNoCrash(_ result: ProcessOutput) {
    #expect(result.status == 0 || result.status == 1, "exit \(result.status): \(result.stderr.prefix(2_000))")
    #expect(!result.stderr.contains("crashed"))
  }

  @Test("17,000 nested parentheses: check and run exit 1 naming the file, line, key and limit")
  func deepParentheses() throws {
    let expression = String(repeating: "(", count: 17_000) + ". > 1" + String(repeating: ")", count: 17_000)
    let folder = try folder(constraint: expression)
    for command in [["check", "p.yml"], ["run", "p.yml", "--out", "out"]] {
      let result = try SurveyPipeBinary.run(command, in: folder.path)
      expectNoCrash(result)
      #expect(result.status == 1)
      #expect(
        result.stderr.contains("c.yml:7: variables[1].constraint: '((((((((((((((((((((((((((((((((((((((((((("),
        "\(result.stderr.prefix(2_000))")
      #expect(
        result.stderr.contains(
          "… (34005 characters)' is not a valid expression: at character 101: parentheses nest more than 100 deep here (the limit)"),
        "\(result.stderr.prefix(2_000))")
      #expect(result.stderr.count < 2_000)
    }
  }

  @Test("9,000 `or` terms check out, and run evaluates them")
  func longOrChain() throws {
    let expression = (0..<9_000).map { ". == \($0)" }.joined(separator: " or ")
    let folder = try folder(constraint: expression)
    let check = try SurveyPipeBinary.run(["check", "p.yml"], in: folder.path)
    expectNoCrash(check)
    #expect(check.status == 0, "\(check.stderr.prefix(2_000))")
    let run = try SurveyPipeBinary.run(["run", "p.yml", "--out", "out", "--quiet"], in: folder.path)
    #expect(run.status == 0, "\(run.stderr.prefix(2_000))")
    let validation = try folder.read("out/validation.csv")
    let findings = validation.split(separator: "\n").filter { $0.contains(",constraint,") }
    // 30 is one of 0…8999, 9500 is not; the message quotes the start of the condition only.
    #expect(findings.count == 1)
    #expect(findings.first?.contains("R2") == true)
    #expect(findings.first?.contains("age breaks its constraint ((. == 0) or (. == 1) or") == true)
    #expect((findings.first?.count ?? .max) < 1_000)
  }

  @Test("a condition nested as deep as allowed runs (evaluated on worker threads)")
  func depthAtTheLimit() throws {
    // `. + 0 + … + 0` with 98 terms is 99 deep; `> 100` makes 100, the limit.
    let expression = "." + String(repeating: " + 0", count: 98) + " > 100"
    let folder = try folder(constraint: expression)
    let run = try SurveyPipeBinary.run(["run", "p.yml", "--out", "out", "--quiet"], in: folder.path)
    expectNoCrash(run)
    #expect(run.status == 0, "\(run.stderr.prefix(2_000))")
    let validation = try folder.read("out/validation.csv")
    #expect(validation.split(separator: "\n").filter { $0.contains(",constraint,") && $0.contains("R1") }.count == 1)
  }

  @Test("comparisons the types decide and divisions by zero are refused by check and run", arguments: [
    ("age == \\\"abc\\\"", "c.yml:7: variables[1].constraint: (age == 'abc'): age is integer and 'abc' is not a number, so the comparison is never true or false"),
    (". / (0) < 10", "c.yml:7: variables[1].constraint: (. / 0): divides by zero, so the result never has a value"),
  ])
  func refused(expression: String, message: String) throws {
    let folder = try folder(constraint: expression)
    for command in [["check", "p.yml"], ["run", "p.yml", "--out", "out"]] {
      let result = try SurveyPipeBinary.run(command, in: folder.path)
      #expect(result.status == 1)
      #expect(result.stderr.contains(message), "\(result.stderr)")
    }
  }
}
