import SurveyCore
import Testing

@Suite("Pipeline files: a table's interval (ci)")
struct PipelineTableIntervalTests {
  static let head = "name: p\ncodebook: c.yml\ninputs: [a.csv]\ndesign: {weight: w}\ntables:\n"

  static func tables(_ lines: String) throws -> [TableSpec] {
    try Pipeline.parse(yaml: head + lines).tables
  }

  @Test("proportions default to logit, means and totals to wald; any svyciprop method may be named")
  func defaults() throws {
    let tables = try Self.tables(
      """
        - {name: a, proportion: insured}
        - {name: b, mean: cost}
        - {name: c, total: cost}
        - {name: d, proportion: insured, ci: beta}
        - {name: e, proportion: insured, ci: wald}
        - {name: f, mean: cost, ci: wald}
      """)
    #expect(tables.map(\.interval) == [.logit, .wald, .wald, .beta, .wald, .wald])
    for method in IntervalMethod.allCases {
      #expect(try Self.tables("  - {name: g, proportion: insured, ci: \(method.rawValue)}\n").first?.interval == method)
    }
  }

  @Test(
    "mistakes name the line and the key",
    arguments: [
      ("  - {name: a, mean: cost, ci: logit}\n", "pipeline.yml:6: tables[0].ci: logit intervals are for proportions and quantiles; a mean takes wald"),
      ("  - {name: a, total: cost, ci: beta}\n", "pipeline.yml:6: tables[0].ci: beta intervals are for proportions and quantiles; a total takes wald"),
      ("  - {name: a, proportion: x, ci: wilson}\n", "pipeline.yml:6: tables[0].ci: unknown interval 'wilson' (expected one of wald, mean, logit, xlogit, asin, beta, likelihood)"),
      ("  - {name: a, quantile: cost, ci: likelihood}\n", "pipeline.yml:6: tables[0].ci: likelihood intervals are for proportions; a quantile takes wald, xlogit, asin or beta"),
    ])
  func mistakes(yaml: String, message: String) {
    #expect {
      _ = try Self.tables(yaml)
    } throws: { error in
      let text = (error as? CoreError)?.localizedDescription ?? "\(error)"
      return text.contains(message) || { print(text); return false }()
    }
  }
}
