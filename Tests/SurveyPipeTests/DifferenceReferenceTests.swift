import Foundation
import Testing
import _SurveyTestSupport

/// `survey-pipe estimate --difference VAR=FROM,TO` against R's `svycontrast` of the two domains
/// (fixtures/r-reference/difference.json, made by make-difference.R): means, proportions and
/// ratios, one and two by-variables, apiclus1, apistrat and a calibrated design.
@Suite("differences between domains match R's svycontrast")
struct DifferenceReferenceTests {
  static let cases: [ReferenceCase] = ReferenceCase.load("difference.json")

  @Test("every difference, SE, interval, p-value, df and n within 1e-9 of R", arguments: cases)
  func matchesR(_ reference: ReferenceCase) throws {
    let differences = try estimateRows(reference) { $0["statistic"] == .string("difference") }
    compareWithR(reference, rows: differences)
    var ours: [RowKey: [String: JSONValue]] = [:]
    for row in differences { ours[RowKey(row)] = row }
    for expected in reference.estimates {
      let actual = ours[RowKey(expected)]
      guard let want = expected["p_value"]?.number else {
        #expect(actual?["p_value"] == .null, "\(RowKey(expected)) p_value should be null (R's NaN)")
        continue
      }
      let got = try #require(actual?["p_value"]?.number, "\(RowKey(expected)) has no p_value")
      #expect(abs(got - want) <= 1e-9 * want, "\(reference.name): p \(got) vs R \(want)")
    }
  }

  @Test("the difference names its variable and levels; the compared by column reads TO - FROM")
  func shape() throws {
    let arguments = [
      Fixtures.path("r-reference/apiclus1.csv"), "--weight", "pw", "--psu", "dnum", "--mean", "api00", "--by", "stype",
      "--difference", "stype=E,H",
    ]
    let output = try SurveyPipeBinary.run(["estimate"] + arguments + ["--format", "json"])
    #expect(output.stdout.contains(#""difference": {"variable": "stype", "from": "E", "to": "H"}, "p_value": "#))
    let csv = try SurveyPipeBinary.run(["estimate"] + arguments)
    let lines = csv.stdout.split(separator: "\n")
    #expect(lines.first?.hasSuffix(",cv,cv_flag,p_value") == true)
    #expect(lines.last?.hasPrefix("difference,api00,,H - E,") == true)
  }

  @Test("usage mistakes: a variable not in --by, a malformed spec")
  func mistakes() throws {
    let base = [Fixtures.path("r-reference/apiclus1.csv"), "--weight", "pw", "--psu", "dnum", "--mean", "api00"]
    let notBy = try SurveyPipeBinary.run(["estimate"] + base + ["--by", "stype", "--difference", "awards=No,Yes"])
    #expect(notBy.status == 2)
    #expect(notBy.stderr.contains("--difference compares levels of a --by variable; add 'awards' to --by"))
    for bad in ["stype", "stype=E", "stype=E,E", "=E,H", "stype=E,H,M"] {
      let output = try SurveyPipeBinary.run(["estimate"] + base + ["--by", "stype", "--difference", bad])
      #expect(output.status == 2, "\(bad)")
      #expect(output.stderr.contains("write VARIABLE=FROM,TO"), "\(bad): \(output.stderr)")
    }
  }
}
