import Foundation
import Testing
import _SurveyTestSupport

/// `survey-pipe estimate --chisq A:B --chisq-statistic F|Chisq|Wald|adjWald` against R's `svychisq`
/// (fixtures/r-reference/chisq.json, made by make-chisq.R; on replicate designs,
/// chisq-replicates.json, made by make-chisq-replicates.R).
@Suite("tests of association match R's svychisq")
struct ChiSquareReferenceTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var data: String
    var args: [String]
    var test: [String: Double]
    var testDescription: String { name }
  }

  static let cases: [Case] = load("chisq.json") + load("chisq-replicates.json")

  /// The cases of `fixtures/r-reference/<file>`: chisq.json (make-chisq.R) and, on replicate
  /// designs, chisq-replicates.json (make-chisq-replicates.R).
  static func load(_ file: String) -> [Case] {
    let data = try! Data(contentsOf: URL(fileURLWithPath: Fixtures.path("r-reference/\(file)")))
    let root = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    return (root["cases"] as! [[String: Any]]).map { item in
      let test = (item["tests"] as! [[String: Any]])[0]
      var numbers: [String: Double] = [:]
      for key in ["statistic", "ndf", "ddf", "p_value"] { if let value = test[key] as? NSNumber { numbers[key] = value.doubleValue } }
      return Case(name: item["name"] as! String, data: item["data"] as! String, args: item["args"] as! [String], test: numbers)
    }
  }

  @Test("statistic, degrees of freedom and p-value within 1e-9 of R", arguments: cases)
  func matchesR(_ reference: Case) throws {
    let output = try SurveyPipeBinary.run(
      ["estimate", reference.data] + reference.args + ["--format", "json"], in: Fixtures.path("r-reference"))
    #expect(output.status == 0, "\(output.stderr)")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    let test = try #require((root["tests"] as? [[String: Any]])?.first)
    for key in ["statistic", "ndf", "ddf", "p_value"] {
      let got = (test[key] as? NSNumber)?.doubleValue
      guard let want = reference.test[key] else {
        #expect(got == nil, "\(reference.name) \(key) should be null")
        continue
      }
      let value = try #require(got, "\(reference.name) \(key) is null, R has \(want)")
      #expect(abs(value - want) <= 1e-9 * abs(want), "\(reference.name) \(key): \(value) vs R \(want)")
    }
  }

  @Test("CSV writes the tests as a second table; lincom and saddlepoint are refused by name")
  func outputAndRefusals() throws {
    let base = [Fixtures.path("r-reference/apiclus1.csv"), "--weight", "pw", "--psu", "dnum", "--fpc", "fpc"]
    let csv = try SurveyPipeBinary.run(["estimate"] + base + ["--mean", "api00", "--chisq", "sch.wide:stype"])
    let blocks = csv.stdout.components(separatedBy: "\n\n")
    #expect(blocks.count == 2)
    #expect(blocks.last?.hasPrefix("test,variables,statistic,ndf,ddf,p_value\nF,sch.wide:stype,5.19336954147487") == true)
    let lincom = try SurveyPipeBinary.run(["estimate"] + base + ["--chisq", "sch.wide:stype", "--chisq-statistic", "lincom"])
    #expect(lincom.status == 2)
    #expect(lincom.stderr.contains("--chisq-statistic: not supported yet: the exact asymptotic distribution (lincom)"))
    let bad = try SurveyPipeBinary.run(["estimate"] + base + ["--chisq", "sch.wide"])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("--chisq 'sch.wide': write A:B"))
  }
}
