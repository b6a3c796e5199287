import Foundation
import Testing
import _SurveyTestSupport

/// One case of `fixtures/r-reference/expected.json`: `survey-pipe estimate` arguments and what R
/// computed for them.
struct ReferenceCase: Sendable, CustomTestStringConvertible {
  var name: String
  var data: String
  var args: [String]
  var expectError: Bool
  var estimates: [[String: JSONValue]]
  /// The domains of rows R returned but the fixture leaves out (all values missing).
  var omittedDomains: [[String: String]]

  var testDescription: String { name }

  /// Every case of the fixture.
  static let all: [ReferenceCase] = {
    let data = try! Data(contentsOf: URL(fileURLWithPath: Fixtures.path("r-reference/expected.json")))
    let root = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    return (root["cases"] as! [[String: Any]]).map { item in
      ReferenceCase(
        name: item["name"] as! String, data: item["data"] as! String, args: item["args"] as! [String],
        expectError: item["expect_error"] as? Bool ?? false,
        estimates: (item["estimates"] as! [[String: Any]]).map { $0.mapValues(JSONValue.init) },
        omittedDomains: (item["r_omitted_rows"] as? [[String: Any]] ?? []).map { $0["by"] as! [String: String] })
    }
  }()
}

/// A JSON scalar or object as Foundation parses it, kept Sendable.
enum JSONValue: Sendable, Equatable {
  case null, number(Double), string(String), object([String: String])

  init(_ any: Any) {
    switch any {
    case let number as NSNumber: self = .number(number.doubleValue)
    case let text as String: self = .string(text)
    case let object as [String: Any]: self = .object(object.mapValues { "\($0)" })
    default: self = .null
    }
  }

  var number: Double? {
    if case .number(let value) = self { return value }
    return nil
  }
}

/// The identity of an estimate row: statistic, variable, level and domain.
struct RowKey: Hashable, CustomStringConvertible {
  var statistic: String
  var variable: String
  var level: String?
  var by: [String: String]

  init(_ row: [String: JSONValue]) {
    func text(_ key: String) -> String? {
      if case .string(let value) = row[key] { return value }
      return nil
    }
    statistic = text("statistic") ?? ""
    variable = text("variable") ?? ""
    level = text("level")
    if case .object(let by) = row["by"] { self.by = by } else { by = [:] }
  }

  var description: String { "\(statistic) \(variable) \(level ?? "-") \(by.sorted { $0.key < $1.key })" }
}

/// Runs `survey-pipe estimate` and parses its JSON output into rows.
func estimateJSON(_ arguments: [String]) throws -> (output: ProcessOutput, rows: [[String: JSONValue]]) {
  let output = try SurveyPipeBinary.run(["estimate"] + arguments + ["--format", "json"])
  guard output.status == 0 else { return (output, []) }
  let root = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as! [String: Any]
  let rows = (root["estimates"] as! [[String: Any]]).map { $0.mapValues(JSONValue.init) }
  return (output, rows)
}

@Suite("estimate: R survey reference cases")
struct EstimateReferenceTests {
  @Test("matches R to 1e-9 relative", arguments: ReferenceCase.all)
  func matchesR(_ reference: ReferenceCase) throws {
    let (output, rows) = try estimateJSON([Fixtures.path("r-reference/\(reference.data)")] + reference.args)
    if reference.expectError {
      #expect(output.status == 1)
      #expect(output.stderr.contains("only one PSU"))
      return
    }
    #expect(output.status == 0, "\(output.stderr)")
    var ours: [RowKey: [String: JSONValue]] = [:]
    for row in rows { ours[RowKey(row)] = row }
    #expect(ours.count == rows.count, "duplicate rows")
    var worst = 0.0
    for expected in reference.estimates {
      let key = RowKey(expected)
      guard let actual = ours.removeValue(forKey: key) else {
        Issue.record("\(reference.name): no row \(key)")
        continue
      }
      for field in ["estimate", "se", "ci_low", "ci_high", "deff"] {
        guard let want = expected[field]?.number else {
          #expect(actual[field] == .null, "\(key) \(field) should be null")
          continue
        }
        guard let got = actual[field]?.number else {
          Issue.record("\(key) \(field) is null, R has \(want)")
          continue
        }
        // Relative to R's value; an exact zero in R (a proportion of 0) must be (near) zero here.
        let difference = want == 0 ? abs(got) : abs(got - want) / abs(want)
        worst = max(worst, difference)
        #expect(difference <= 1e-9, "\(key) \(field): \(got) vs R \(want)")
      }
      #expect(actual["df"] == expected["df"], "\(key) df")
      #expect(actual["n"] == expected["n"], "\(key) n")
    }
    // Rows R returned for domains without data, which the fixture leaves out: ours are null.
    #expect(Set(ours.keys.map(\.by)) == Set(reference.omittedDomains), "unexpected rows \(Array(ours.keys))")
    for row in ours.values {
      for field in ["estimate", "se", "ci_low", "ci_high", "deff"] { #expect(row[field] == .null) }
      #expect(row["df"] == .number(0))
      #expect(row["n"] == .number(0))
    }
    print("\(reference.name): worst relative difference from R \(worst)")
  }
}

@Suite("estimate: command line")
struct EstimateCommandTests {
  let apistrat = Fixtures.path("r-reference/apistrat.csv")

  @Test("usage mistakes exit with status 2")
  func usageErrors() throws {
    let nothing = try SurveyPipeBinary.run(["estimate", apistrat, "--weight", "pw"])
    #expect(nothing.status == 2)
    #expect(nothing.stderr.contains("nothing to estimate"))
    let both = try SurveyPipeBinary.run(["estimate", apistrat, "--weight", "pw", "--prob", "pr", "--mean", "api00"])
    #expect(both.status == 2)
    let multistage = try SurveyPipeBinary.run(["estimate", apistrat, "--psu", "dnum", "--psu", "snum", "--mean", "api00"])
    #expect(multistage.status == 2)
    #expect(multistage.stderr.contains("multistage"))
    let lonely = try SurveyPipeBinary.run(["estimate", apistrat, "--lonely-psu", "drop", "--mean", "api00"])
    #expect(lonely.status == 2)
  }

  @Test("CSV output has the contract's header and one line per estimate")
  func csvHeader() throws {
    let output = try SurveyPipeBinary.run([
      "estimate", apistrat, "--weight", "pw", "--strata", "stype", "--fpc", "fpc", "--mean", "api00",
      "--by", "stype,awards",
    ])
    #expect(output.status == 0)
    let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "statistic,variable,level,stype,awards,estimate,se,ci_low,ci_high,deff,df,n")
    #expect(lines.count == 1 + 6 + 1)
    #expect(lines[1].hasPrefix("mean,api00,,E,No,659.8148148148148,"))
    #expect(lines[1].hasSuffix(",,26,27"))
  }

  @Test("Markdown output: a heading per estimate and a pipe table")
  func markdown() throws {
    let output = try SurveyPipeBinary.run([
      "estimate", apistrat, "--weight", "pw", "--strata", "stype", "--fpc", "fpc", "--mean", "api00",
      "--proportion", "awards", "--by", "stype", "--format", "md",
    ])
    #expect(output.status == 0)
    let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "## mean of api00 by stype")
    #expect(lines[2] == "| stype | estimate | se | 95% CI | df | n |")
    #expect(lines[3] == "| --- | ---: | ---: | --- | ---: | ---: |")
    #expect(lines[4] == "| E | 674.4 | 12.38 | 649.9 – 699.0 | 99 | 100 |")
    #expect(lines.contains("## proportion of awards by stype"))
    #expect(lines.contains("| level | stype | estimate | se | 95% CI | df | n |"))
  }

  @Test("a cell that is not a number stops the run, naming file and line but not the value")
  func badNumber() throws {
    let folder = try TemporaryDirectory("estimate")
    let path = try folder.write("bad.csv", "w,y\n1,2\n1,secret-text\n1,4\n")
    let output = try SurveyPipeBinary.run(["estimate", path, "--weight", "w", "--mean", "y"])
    #expect(output.status == 1)
    #expect(output.stderr.contains("bad.csv:3"))
    #expect(output.stderr.contains("'y'"))
    #expect(!output.stderr.contains("secret-text"))
  }

  @Test("a ragged row stops the run with its line")
  func raggedRow() throws {
    let folder = try TemporaryDirectory("estimate")
    let path = try folder.write("ragged.csv", "w,y\n1,2\n1,3,4\n1,4\n")
    let output = try SurveyPipeBinary.run(["estimate", path, "--weight", "w", "--mean", "y"])
    #expect(output.status == 1)
    #expect(output.stderr.contains("ragged.csv:3"))
  }

  @Test("a missing weight stops the run, naming file and line")
  func missingWeight() throws {
    let folder = try TemporaryDirectory("estimate")
    let path = try folder.write("weights.csv", "w,y\n1,2\nNA,3\n1,4\n")
    let output = try SurveyPipeBinary.run(["estimate", path, "--weight", "w", "--mean", "y"])
    #expect(output.status == 1)
    #expect(output.stderr.contains("weights.csv:3"))
  }

  @Test("an unknown column stops the run")
  func unknownColumn() throws {
    let output = try SurveyPipeBinary.run(["estimate", apistrat, "--weight", "pw", "--mean", "nonesuch"])
    #expect(output.status == 1)
    #expect(output.stderr.contains("nonesuch"))
  }
}
