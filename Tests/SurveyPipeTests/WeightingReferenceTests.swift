import Foundation
import Testing
import _SurveyTestSupport

/// The cases of `fixtures/r-reference/weighting.json`, made by `make-weighting.R` with R's
/// survey package: post-stratification, raking, calibration (linear, raking, logit, bounds,
/// a numeric variable, joint margins), trimming, two-stage designs, and nonresponse adjustment
/// followed by each of them on a synthetic survey.
@Suite("weighting: R survey reference cases")
struct WeightingReferenceTests {
  /// What the message of a case where R stops must say.
  static let errorText = [
    "cal-logit-infeasible": "failed to converge",
    "clus2-lonely-ssu-fail": "only one sampled unit",
  ]

  @Test("estimates after weighting match R to 1e-9 relative", arguments: ReferenceCase.weighting)
  func estimates(_ reference: ReferenceCase) throws {
    // Margins files are named relative to the fixture folder.
    let (output, rows) = try estimateJSON(
      [Fixtures.path("r-reference/\(reference.data)")] + reference.args, in: Fixtures.path("r-reference"))
    if reference.expectError {
      #expect(output.status == 1)
      #expect(output.stderr.contains(Self.errorText[reference.name] ?? "?"), "\(output.stderr)")
      return
    }
    #expect(output.status == 0, "\(output.stderr)")
    let worst = compareWithR(reference, rows: rows)
    print("\(reference.name): worst relative difference from R \(worst)")
  }

  @Test(
    "weight writes R's weights row by row, every input column kept",
    arguments: ReferenceCase.weighting.filter { $0.weights != nil })
  func weights(_ reference: ReferenceCase) throws {
    let folder = try TemporaryDirectory("weighting")
    let out = folder.url.appendingPathComponent("weighted.csv").path
    let data = Fixtures.path("r-reference/\(reference.data)")
    let output = try SurveyPipeBinary.run(
      ["weight", data] + reference.weightArgs! + ["--out", out], in: Fixtures.path("r-reference"))
    #expect(output.status == 0, "\(output.stderr)")
    let input = Fixtures.simpleCSV(try String(contentsOfFile: data, encoding: .utf8))
    let written = Fixtures.simpleCSV(try String(contentsOfFile: out, encoding: .utf8))
    let expected = try #require(reference.weights)
    let arguments = reference.weightArgs!
    let name = arguments.firstIndex(of: "--name").map { arguments[$0 + 1] } ?? "weight"
    #expect(written.count == expected.count)
    var worst = 0.0
    for (index, row) in written.enumerated() where index < expected.count {
      // Every input cell is there, unchanged.
      for (column, value) in input[index] { #expect(row[column] == value, "row \(index + 1) \(column)") }
      let got = try #require(Double(row[name] ?? ""), "row \(index + 1) has no weight")
      let want = expected[index]
      let difference = want == 0 ? abs(got) : abs(got - want) / abs(want)
      worst = max(worst, difference)
      #expect(difference <= 1e-9, "\(reference.name) row \(index + 1): \(got) vs R \(want)")
    }
    print("\(reference.name): worst relative weight difference from R \(worst)")
  }
}
