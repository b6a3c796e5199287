import SurveyCore
import Testing

@Suite("Pipeline files: ratio tables")
struct PipelineRatioTableTests {
  static let head = "name: p\ncodebook: c.yml\ninputs: [a.csv]\ndesign: {weight: w}\ntables:\n"
  static let codebook = try! Codebook.parse(
    yaml: """
      survey: s
      id: id
      variables:
        - {name: id, type: text}
        - {name: w, type: decimal}
        - {name: cost, type: decimal}
        - {name: size, type: integer}
        - {name: region, type: categorical, codes: {1: North, 2: South}}
        - {name: phone, type: text, pii: true}
      """)

  @Test("ratio: NUM/DEN reads as a table of statistic ratio, wald interval, and checks against the codebook")
  func reads() throws {
    let pipeline = try Pipeline.parse(yaml: Self.head + "  - {name: r, ratio: cost/size, by: [region]}\n")
    let table = try #require(pipeline.tables.first)
    #expect(table.statistic == .ratio && table.variable == "cost/size" && table.interval == .wald)
    try pipeline.check(against: Self.codebook)
    #expect(ratioParts("cost/size")?.numerator == "cost")
    #expect(ratioParts("cost/size")?.denominator == "size")
    #expect(ratioParts("cost") == nil && ratioParts("a/b/c") == nil && ratioParts("/b") == nil)
  }

  @Test(
    "mistakes name the line and the key",
    arguments: [
      ("  - {name: r, ratio: cost}\n", "pipeline.yml:6: tables[0].ratio: a ratio is NUMERATOR/DENOMINATOR"),
      ("  - {name: r, ratio: cost/region}\n", "tables[0].ratio: 'region' is categorical; a ratio needs integer or decimal variables"),
      ("  - {name: r, ratio: cost/income}\n", "tables[0].ratio: 'income' is not a variable of the codebook"),
      ("  - {name: r, ratio: cost/size, ci: logit}\n", "tables[0].ci: logit intervals are for proportions and quantiles; a ratio takes wald"),
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

@Suite("Pipeline files: differences in tables")
struct PipelineDifferenceTests {
  static let head = "name: p\ncodebook: c.yml\ninputs: [a.csv]\ndesign: {weight: w}\ntables:\n"

  @Test("difference: {VAR: [FROM, TO]} reads; VAR must be a by-variable and the levels two and distinct")
  func reads() throws {
    let pipeline = try Pipeline.parse(yaml: Self.head + "  - {name: a, proportion: aware, by: [round, sex], difference: {round: [1, 2]}}\n")
    #expect(pipeline.tables.first?.difference == DifferenceSpec(variable: "round", from: "1", to: "2"))
    for (yaml, message) in [
      ("{round: [1, 2]}", "add 'round' to by"), ("{sex: [1]}", "a difference compares two levels"),
      ("{sex: [1, 1]}", "a difference compares two levels"), ("{sex: [1, 2], round: [1, 2]}", "write difference: {VARIABLE: [FROM, TO]}"),
    ] {
      #expect {
        _ = try Pipeline.parse(yaml: Self.head + "  - {name: a, proportion: aware, by: [sex], difference: \(yaml)}\n")
      } throws: { error in
        (error as? CoreError)?.localizedDescription.contains(message) == true
      }
    }
  }
}

@Suite("Pipeline files: tests of association in tables")
struct PipelineAssociationTests {
  static let head = "name: p\ncodebook: c.yml\ninputs: [a.csv]\ndesign: {weight: w}\ntables:\n"

  @Test("chisq: [A, B] reads, with chisq_statistic defaulting to F; other keys and bad values name the line")
  func reads() throws {
    let tables = try Pipeline.parse(
      yaml: Self.head + "  - {name: t, chisq: [a, b]}\n  - {name: u, chisq: [a, b], chisq_statistic: adjWald}\n").tables
    #expect(tables[0].association == AssociationSpec(variables: ["a", "b"], statistic: "F"))
    #expect(tables[1].association?.statistic == "adjWald")
    for (yaml, message) in [
      ("{name: t, chisq: [a]}", "a test of association names two categorical variables"),
      ("{name: t, chisq: [a, a]}", "a test of association names two categorical variables"),
      ("{name: t, chisq: [a, b], by: [c]}", "a chisq table takes no by"),
      ("{name: t, chisq: [a, b], chisq_statistic: lincom}", "unknown statistic 'lincom'"),
    ] {
      #expect {
        _ = try Pipeline.parse(yaml: Self.head + "  - \(yaml)\n")
      } throws: { error in
        (error as? CoreError)?.localizedDescription.contains(message) == true
      }
    }
  }
}
