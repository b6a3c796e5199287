import Foundation
import Testing
import _SurveyTestSupport

/// `survey-pipe estimate --ratio NUM/DEN` against R's `svyratio` (fixtures/r-reference/ratio.json,
/// made by make-ratio.R): apiclus1 and apistrat, overall and by domains, with missing values, and
/// on calibrated and raked designs.
@Suite("ratios match R's svyratio")
struct RatioReferenceTests {
  static let cases: [ReferenceCase] = ReferenceCase.load("ratio.json")

  @Test("every ratio, SE, interval, df and n within 1e-9 of R", arguments: cases)
  func matchesR(_ reference: ReferenceCase) throws {
    compareWithR(reference, rows: try estimateRows(reference))
  }

  @Test("a ratio that is not NUM/DEN is a usage error; a text column is named")
  func mistakes() throws {
    let base = [Fixtures.path("r-reference/apiclus1.csv"), "--weight", "pw", "--psu", "dnum"]
    for bad in ["api00", "api00/", "/api99", "a/b/c"] {
      let output = try SurveyPipeBinary.run(["estimate"] + base + ["--ratio", bad])
      #expect(output.status == 2, "\(bad)")
      #expect(output.stderr.contains("--ratio '\(bad)': write NUMERATOR/DENOMINATOR"), "\(output.stderr)")
    }
    let text = try SurveyPipeBinary.run(["estimate"] + base + ["--ratio", "api00/stype"])
    #expect(text.status == 1)
    #expect(text.stderr.contains("stype"), "\(text.stderr)")
  }
}
