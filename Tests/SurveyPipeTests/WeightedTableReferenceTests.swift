import Foundation
import Testing
import _SurveyTestSupport

/// `survey-pipe estimate --total A [--by B] [--categorical A]` against R's `svytable` and
/// `svytotal(~factor(A))` (fixtures/r-reference/table.json, made by make-table.R).
@Suite("weighted tables match R's svytable")
struct WeightedTableReferenceTests {
  static let cases: [ReferenceCase] = ReferenceCase.load("table.json")

  @Test("every weighted count, SE, interval, df and n within 1e-9 of R", arguments: cases)
  func matchesR(_ reference: ReferenceCase) throws {
    compareWithR(reference, rows: try estimateRows(reference))
  }

  @Test("without --categorical a numeric column's total is one number; a mean of a categorical one is refused")
  func categoricalMatters() throws {
    let base = [Fixtures.path("r-reference/apiclus1.csv"), "--weight", "pw", "--psu", "dnum", "--fpc", "fpc"]
    let (_, plain) = try estimateJSON(base + ["--total", "dnum"])
    #expect(plain.count == 1 && plain.first?["level"] == .null)
    let (_, coded) = try estimateJSON(base + ["--total", "dnum", "--categorical", "dnum"])
    #expect(coded.count == 15)
    let mean = try SurveyPipeBinary.run(["estimate"] + base + ["--mean", "api00", "--categorical", "api00"])
    #expect(mean.status == 2)
    #expect(mean.stderr.contains("'api00' is categorical (--categorical): a mean, quantile or ratio needs numbers"))
  }
}
