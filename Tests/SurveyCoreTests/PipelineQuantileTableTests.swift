import SurveyCore
import Testing

@Suite("Pipeline files: quantile tables")
struct PipelineQuantileTableTests {
  static let head = "name: p\ncodebook: c.yml\ninputs: [a.csv]\ndesign: {weight: w}\ntables:\n"
  static let codebook = try! Codebook.parse(
    yaml: """
      survey: s
      id: id
      variables:
        - {name: id, type: text}
        - {name: w, type: decimal}
        - {name: cost, type: decimal}
        - {name: region, type: categorical, codes: {1: North, 2: South}}
        - {name: income, type: decimal, pii: true}
      """)

  @Test("quantile: V is the median under math with the mean interval; @ and probabilities give others")
  func reads() throws {
    let tables = try Pipeline.parse(
      yaml: Self.head
        + """
          - {name: a, quantile: cost, by: [region]}
          - {name: b, quantile: "cost@0.25,0.75", quantile_rule: hf7, ci: beta}
          - {name: c, quantile: cost, probabilities: [0.1, 0.9], quantile_rule: school}

        """
    ).tables
    #expect(tables[0].statistic == .quantile && tables[0].variable == "cost")
    #expect(tables[0].probabilities == [0.5] && tables[0].quantileRule == .math && tables[0].interval == .wald)
    #expect(tables[1].probabilities == [0.25, 0.75] && tables[1].quantileRule == .hf7 && tables[1].interval == .beta)
    #expect(tables[2].probabilities == [0.1, 0.9] && tables[2].quantileRule == .school)
    let pipeline = try Pipeline.parse(yaml: Self.head + "  - {name: a, quantile: cost, by: [region]}\n")
    try pipeline.check(against: Self.codebook)
  }

  @Test(
    "mistakes name the line and the key",
    arguments: [
      ("  - {name: q, quantile: cost@1.5}\n", "pipeline.yml:6: tables[0].quantile: write a quantile as VARIABLE or VARIABLE@P1,P2"),
      ("  - {name: q, quantile: cost@0.5, probabilities: [0.5]}\n", "tables[0].probabilities: give the probabilities once"),
      ("  - {name: q, quantile: cost, probabilities: [2]}\n", "tables[0].probabilities[0]: a probability is from 0 to 1"),
      ("  - {name: q, quantile: cost, probabilities: []}\n", "tables[0].probabilities: give at least one probability"),
      ("  - {name: q, quantile: cost, quantile_rule: hf10}\n", "tables[0].quantile_rule"),
      ("  - {name: q, mean: cost, quantile_rule: hf7}\n", "tables[0].quantile_rule: quantile_rule is for quantile tables"),
      ("  - {name: q, mean: cost, probabilities: [0.5]}\n", "tables[0].probabilities: probabilities is for quantile tables"),
      ("  - {name: q, quantile: cost, by: [region], difference: {region: [1, 2]}}\n", "tables[0].difference: quantiles have no difference"),
      ("  - {name: q, quantile: cost, deff: true}\n", "tables[0].deff: quantiles have no design effect"),
      ("  - {name: q, quantile: region}\n", "tables[0].quantile: 'region' is categorical; a quantile needs an integer or decimal variable"),
      ("  - {name: q, quantile: income}\n", "tables[0].quantile: 'income' is personal data (pii)"),
      ("  - {name: q, quantile: cost, mean: cost}\n", "give exactly one of mean, total, proportion, ratio, quantile or rate"),
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
}
