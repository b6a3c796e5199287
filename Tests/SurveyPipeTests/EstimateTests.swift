import Foundation
import Testing
import _SurveyTestSupport

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
    let worst = compareWithR(reference, rows: rows)
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
    let stages = try SurveyPipeBinary.run([
      "estimate", apistrat, "--psu", "dnum", "--psu", "snum", "--fpc", "fpc", "--mean", "api00",
    ])
    #expect(stages.status == 2)
    #expect(stages.stderr.contains("one --fpc per stage"))
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
    #expect(lines.first == "statistic,variable,level,stype,awards,estimate,se,ci_low,ci_high,deff,df,n,cv,cv_flag")
    #expect(lines.count == 1 + 6 + 1)
    #expect(lines[1].hasPrefix("mean,api00,,E,No,659.8148148148148,"))
    // cv = 25.766732465194426 / 659.8148148148148 = 0.039051460935181 (R's se over R's estimate).
    #expect(lines[1].hasSuffix(",,26,27,0.039051460935181,0"))
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
