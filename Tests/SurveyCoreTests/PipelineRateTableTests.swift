import SurveyCore
import Testing

@Suite("Pipeline files: rates, indicators and census designs")
struct PipelineRateTableTests {
  static let head = "name: p\ncodebook: c.yml\ninputs: [a.csv]\ndesign: {census: true}\ntables:\n"
  static let codebook = try! Codebook.parse(
    yaml: """
      survey: s
      id: id
      variables:
        - {name: id, type: text}
        - {name: region, type: categorical, codes: {1: North, 2: South}}
        - {name: practising, type: categorical, codes: {0: No, 1: Yes}}
        - {name: status, type: categorical, codes: {a: Active, b: Retired}}
        - {name: count, type: integer}
        - {name: name, type: text}
        - {name: phone, type: text, pii: true}
      """)

  @Test("rate: against a population file (resolved beside the pipeline) or a denominator, with per, year and source")
  func reads() throws {
    let pipeline = try Pipeline.parse(
      yaml: Self.head + """
          - {name: d, rate: {numerator: practising, per: 10000, population: pop.csv, year: 2025, source: NBS}, by: [region]}
          - {name: e, rate: {numerator: count, denominator: count, per: 1000}, filter: "region == 1"}
        """, directory: "/data/pipelines")
    let density = try #require(pipeline.tables.first)
    #expect(density.statistic == .rate && density.variable == "practising" && density.by == ["region"])
    #expect(density.rate == RateSpec(numerator: "practising", per: 10000, population: "/data/pipelines/pop.csv", year: "2025", source: "NBS"))
    #expect(pipeline.tables[1].variable == "count/count" && pipeline.tables[1].rate?.denominator == "count")
    #expect(pipeline.populationFiles == ["/data/pipelines/pop.csv"])
    #expect(pipeline.design?.census == true && pipeline.design?.columns == [])
    try pipeline.check(against: Self.codebook)
  }

  @Test("indicator: code, name, definition and what it counts; shown as notes")
  func indicator() throws {
    let pipeline = try Pipeline.parse(
      yaml: Self.head
        + "  - {name: d, total: count, indicator: {code: NHWA 1-02, name: Density, definition: Per 10000., counts: practising}}\n")
    let indicator = try #require(pipeline.tables.first?.indicator)
    #expect(indicator == IndicatorSpec(code: "NHWA 1-02", name: "Density", definition: "Per 10000.", counts: "practising"))
    #expect(indicator.notes == ["Indicator NHWA 1-02: Density. Per 10000.", "Counts: practising."])
  }

  @Test(
    "mistakes name the line and the key",
    arguments: [
      ("  - {name: d, rate: {numerator: count, per: 1000}}\n", "tables[0].rate: give the rate's denominator"),
      ("  - {name: d, rate: {numerator: count, per: 10, population: p.csv, denominator: count}}\n", "give population or denominator, not both"),
      ("  - {name: d, rate: {numerator: count, per: 0, denominator: count}}\n", "per is the rate's unit"),
      ("  - {name: d, rate: {numerator: count, per: 10, denominator: count, year: 2025}}\n", "year describes a population file"),
      ("  - {name: d, rate: {numerator: count, per: 10, denominator: count}, deff: true}\n", "a rate table takes no deff"),
      ("  - {name: d, rate: {numerator: count, per: 10, denominator: count}, ci: logit}\n", "a rate takes wald intervals"),
      ("  - {name: d, rate: {numerator: name, per: 10, denominator: count}}\n", "'name' is text; a rate counts"),
      ("  - {name: d, rate: {numerator: status, per: 10, denominator: count}}\n", "'status' is categorical with codes other than 0 and 1"),
      ("  - {name: d, rate: {numerator: region, per: 10, denominator: count}}\n", "'region' is categorical with codes other than 0 and 1"),
      ("  - {name: d, rate: {numerator: count, per: 10, population: p.csv, year: 2025}, by: [year]}\n", "tables[0].rate.year: the table is by year"),
      ("  - {name: t, chisq: [region, practising]}\n", "tables.t.chisq: a census (design: {census: true}) has no sampling error to test against"),
      ("  - {name: d, rate: {numerator: phone, per: 10, denominator: count}}\n", "'phone' is personal data"),
      ("  - {name: d, rate: {numerator: count, per: 10, denominator: count}, indicator: {code: X}}\n", "tables[0].indicator.name"),
    ])
  func mistakes(yaml: String, message: String) {
    #expect {
      let pipeline = try Pipeline.parse(yaml: Self.head + yaml)
      try pipeline.check(against: Self.codebook)
    } throws: { error in
      let text = (error as? CoreError)?.localizedDescription ?? "\(error)"
      return text.contains(message) || { print(text); return false }()
    }
  }

  @Test(
    "a census takes no weight, strata, PSUs, fpc, replicates or weighting",
    arguments: [
      ("design: {census: true, weight: w}\n", "design.weight: a census (census: true) has no weight"),
      ("design: {census: true, strata: region}\n", "has no strata"),
      ("design: {census: true, replicates: jk1}\n", "has no replicates"),
      (
        "design: {census: true}\nweighting:\n  trim: {upper: 3}\n",
        "weighting: a census (design: {census: true}) counts every unit once: it takes no weighting"
      ),
    ])
  func censusMistakes(yaml: String, message: String) {
    #expect {
      _ = try Pipeline.parse(yaml: "name: p\ncodebook: c.yml\ninputs: [a.csv]\n" + yaml)
    } throws: { error in
      let text = (error as? CoreError)?.localizedDescription ?? "\(error)"
      return text.contains(message) || { print(text); return false }()
    }
  }

  @Test("a file with parts: is not a pipeline: the stage commands say to take one part")
  func partsAreNotAPipeline() {
    #expect {
      _ = try Pipeline.parse(yaml: "name: p\nparts: [a.yml, b.yml]\n")
    } throws: { error in
      (error as? CoreError)?.localizedDescription.contains("this file combines the pipelines of its parts") == true
    }
  }
}
