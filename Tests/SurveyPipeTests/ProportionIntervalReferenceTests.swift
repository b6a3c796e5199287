import Foundation
import Testing
import _SurveyTestSupport

/// `survey-pipe estimate --proportion V --ci METHOD` against R's `svyciprop` (fixtures/r-reference/
/// ciprop.json, made by make-ciprop.R): apiclus1 and apistrat by domains, every method, two
/// levels, the example's calibrated design (likelihood included, with R's glm fit replayed).
@Suite("proportion intervals match R's svyciprop")
struct ProportionIntervalReferenceTests {
  static let cases: [ReferenceCase] = ReferenceCase.load("ciprop.json")

  @Test("every interval, estimate, SE, df and n within 1e-9 of R", arguments: cases)
  func matchesR(_ reference: ReferenceCase) throws {
    compareWithR(reference, rows: try estimateRows(reference))
  }

  @Test("an unknown method lists the methods; likelihood is refused for quantiles, which R's svyquantile does not offer")
  func refusals() throws {
    let base = [Fixtures.path("r-reference/apiclus1.csv"), "--weight", "pw", "--psu", "dnum", "--proportion", "sch.wide"]
    let unknown = try SurveyPipeBinary.run(["estimate"] + base + ["--ci", "wilson"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("unknown --ci 'wilson' (expected wald, mean, logit, xlogit, asin, beta, likelihood)"))
    let quantile = try SurveyPipeBinary.run(["estimate"] + base + ["--quantile", "api00", "--ci", "likelihood"])
    #expect(quantile.status == 2)
    #expect(quantile.stderr.contains("--ci likelihood is for proportions; quantiles take wald, xlogit, asin or beta"))
  }

  @Test("the likelihood interval is R's on a domain with 0 degrees of freedom: none (R stops)")
  func likelihoodWithoutDegreesOfFreedom() throws {
    // apiclus1's districts are its PSUs: the schools of district 637 alone have df 0.
    let base = [Fixtures.path("r-reference/apiclus1.csv"), "--weight", "pw", "--psu", "dnum", "--proportion", "sch.wide"]
    let (output, rows) = try estimateJSON(base + ["--by", "dnum", "--categorical", "dnum", "--ci", "likelihood"])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(!rows.isEmpty)
    for row in rows {
      #expect(row["df"] == .number(0))
      #expect(row["ci_low"] == .null && row["ci_high"] == .null)
    }
  }

  @Test("means and totals keep the t interval when --ci names a proportion method")
  func meansKeepWald() throws {
    let base = [Fixtures.path("r-reference/apiclus1.csv"), "--weight", "pw", "--psu", "dnum", "--fpc", "fpc", "--mean", "api00"]
    let (_, wald) = try estimateJSON(base)
    let (_, logit) = try estimateJSON(base + ["--ci", "logit"])
    #expect(!wald.isEmpty && wald == logit)
  }
}
