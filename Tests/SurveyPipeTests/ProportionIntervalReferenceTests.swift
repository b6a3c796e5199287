import Foundation
import Testing
import _SurveyTestSupport

/// `survey-pipe estimate --proportion V --ci METHOD` against R's `svyciprop` (fixtures/r-reference/
/// ciprop.json, made by make-ciprop.R): apiclus1 and apistrat by domains, every method, two
/// levels, and the example's calibrated design.
@Suite("proportion intervals match R's svyciprop")
struct ProportionIntervalReferenceTests {
  static let cases: [ReferenceCase] = ReferenceCase.load("ciprop.json")

  @Test("every interval, estimate, SE, df and n within 1e-9 of R", arguments: cases)
  func matchesR(_ reference: ReferenceCase) throws {
    compareWithR(reference, rows: try estimateRows(reference))
  }

  @Test("the methods R has and we do not are refused by name; an unknown one lists the methods")
  func refusals() throws {
    let base = [Fixtures.path("r-reference/apiclus1.csv"), "--weight", "pw", "--psu", "dnum", "--proportion", "sch.wide"]
    let likelihood = try SurveyPipeBinary.run(["estimate"] + base + ["--ci", "likelihood"])
    #expect(likelihood.status == 2)
    #expect(likelihood.stderr.contains("--ci: not supported yet: 'likelihood' intervals (svyciprop's profile likelihood); use logit or beta"))
    let unknown = try SurveyPipeBinary.run(["estimate"] + base + ["--ci", "wilson"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("unknown --ci 'wilson' (expected wald, mean, logit, xlogit, asin, beta)"))
  }

  @Test("means and totals keep the t interval when --ci names a proportion method")
  func meansKeepWald() throws {
    let base = [Fixtures.path("r-reference/apiclus1.csv"), "--weight", "pw", "--psu", "dnum", "--fpc", "fpc", "--mean", "api00"]
    let (_, wald) = try estimateJSON(base)
    let (_, logit) = try estimateJSON(base + ["--ci", "logit"])
    #expect(!wald.isEmpty && wald == logit)
  }
}
