import Foundation
import Testing
import _SurveyTestSupport

/// `survey-pipe estimate --quantile V@P1,P2 --quantile-rule RULE` against R's
/// `svyquantile(..., ci = TRUE)` (fixtures/r-reference/quantile.json, made by make-quantile.R):
/// apistrat and apiclus1 under every rule, every Woodruff interval, missing values, an empty
/// domain, probabilities 0 and 1, calibrated and raked designs and the bundled example's design.
@Suite("quantiles match R's svyquantile")
struct QuantileReferenceTests {
  static let cases: [ReferenceCase] = ReferenceCase.load("quantile.json")

  @Test("every quantile, SE, interval, df and n within 1e-9 of R", arguments: cases)
  func matchesR(_ reference: ReferenceCase) throws {
    compareWithR(reference, rows: try estimateRows(reference))
  }

  @Test("the reference covers math, school and hf7 on apistrat and apiclus1, every rule, every interval")
  func coverage() {
    let arguments = Self.cases.map { $0.args.joined(separator: " ") }
    for rule in ["school", "hf7"] {
      #expect(Self.cases.contains { $0.data == "apistrat.csv" && $0.args.contains(rule) })
      #expect(Self.cases.contains { $0.data == "apiclus1.csv" && $0.args.contains(rule) })
    }
    #expect(Self.cases.contains { $0.data == "apistrat.csv" && !$0.args.contains("--quantile-rule") })
    for rule in ["hf1", "hf2", "hf3", "hf4", "hf5", "hf6", "hf8", "hf9", "shahvaish"] {
      #expect(arguments.contains { $0.contains("--quantile-rule \(rule)") }, "\(rule)")
    }
    for method in ["xlogit", "asin", "beta"] { #expect(arguments.contains { $0.contains("--ci \(method)") }) }
    #expect(Self.cases.contains { $0.args.contains("--calibrate") })
    #expect(Self.cases.contains { $0.args.contains("--rake") })
  }

  @Test("malformed requests and rules are usage errors; text columns and differences are refused")
  func mistakes() throws {
    let base = [Fixtures.path("r-reference/apiclus1.csv"), "--weight", "pw", "--psu", "dnum"]
    for bad in ["@0.5", "api00@", "api00@1.5", "api00@-0.1", "api00@a", "api00@0.5,,0.7"] {
      let output = try SurveyPipeBinary.run(["estimate"] + base + ["--quantile", bad])
      #expect(output.status == 2, "\(bad)")
      #expect(output.stderr.contains("--quantile '\(bad)': write COLUMN@P1,P2"), "\(output.stderr)")
    }
    let rule = try SurveyPipeBinary.run(["estimate"] + base + ["--quantile", "api00", "--quantile-rule", "hf10"])
    #expect(rule.status == 2)
    #expect(rule.stderr.contains("unknown --quantile-rule 'hf10'"), "\(rule.stderr)")
    let text = try SurveyPipeBinary.run(["estimate"] + base + ["--quantile", "stype@0.5"])
    #expect(text.status == 1)
    #expect(text.stderr.contains("the column 'stype' holds a value that is not a number"), "\(text.stderr)")
    let difference = try SurveyPipeBinary.run(
      ["estimate"] + base + ["--quantile", "api00", "--by", "stype", "--difference", "stype=E,H"])
    #expect(difference.status == 2)
    #expect(difference.stderr.contains("--difference cannot compare quantiles"), "\(difference.stderr)")
  }

  @Test("without @ the median; the CSV ends with the probability")
  func medianAndCSV() throws {
    let base = [Fixtures.path("r-reference/apistrat.csv"), "--weight", "pw", "--strata", "stype", "--fpc", "fpc"]
    let output = try SurveyPipeBinary.run(["estimate"] + base + ["--quantile", "api00", "--mean", "api00"])
    #expect(output.status == 0, "\(output.stderr)")
    let lines = output.stdout.split(separator: "\n")
    #expect(lines.first?.hasSuffix(",cv,cv_flag,quantile") == true, "\(lines.first ?? "")")
    #expect(lines.count == 3)
    // The mean's row has no probability; the median's is 0.5 (R: coef(svyquantile(~api00,
    // dstrat, 0.5)) is 668).
    #expect(lines[1].hasPrefix("mean,api00,") && lines[1].hasSuffix(","))
    #expect(lines[2].hasPrefix("quantile,api00,,668,") && lines[2].hasSuffix(",0.5"), "\(lines[2])")
  }
}
