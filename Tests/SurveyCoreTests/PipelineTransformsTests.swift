import Testing

@testable import SurveyCore

let transformCodebook = try! Codebook.parse(
  yaml: """
    survey: t
    id: id
    variables:
      - {name: id, type: text}
      - {name: phone, type: text, pii: true}
      - {name: country_text, type: text}
      - {name: status, type: categorical, codes: {1: Current, 2: Returned}}
      - {name: health_now, type: integer, range: [1, 5]}
      - {name: health_before, type: integer, range: [1, 5]}
      - {name: year_left, type: integer}
      - {name: year_return, type: integer}
      - {name: age, type: integer, range: [0, 120]}
      - {name: w, type: decimal}
    """)

/// A pipeline whose `clean:` section is `clean` (YAML lines indented by two spaces).
func transformPipeline(_ clean: String) throws -> Pipeline {
  try Pipeline.parse(yaml: "name: t\ncodebook: c.yml\ninputs: [a.csv]\nclean:\n" + clean, file: "p.yml")
}

@Suite("Pipeline: clean.recode and clean.derive")
struct PipelineTransformsTests {
  let example = """
      recode:
        - {variable: country_text, into: country, type: categorical, codes: {1: Italy, 2: Russia}, map: {Italia: 1, Italy: 1, Rusia: 2}, other: missing}
        - {name: merge_status, variable: status, map: {2: 1}}
      derive:
        - {name: health_worsened, expression: "health_now > health_before"}
        - {name: years_abroad, expression: "year_return - year_left", type: integer}
        - {name: age_group, label: Age group, cut: {variable: age, breaks: [18, 30, 45, 60], labels: [18-29, 30-44, 45-59, 60+]}}
    """

  @Test("the keys read into recodes and derives, in order, with their new variables")
  func loads() throws {
    let pipeline = try transformPipeline(example)
    let recodes = pipeline.clean.recodes
    #expect(recodes.map(\.name) == ["country", "merge_status"])
    #expect(recodes[0].map.map(\.from) == ["Italia", "Italy", "Rusia"])
    #expect(recodes[0].other == .missing)
    #expect(recodes[0].newVariable?.codes.map(\.code) == ["1", "2"])
    #expect(recodes[1].inPlace && recodes[1].other == .keep && recodes[1].line == 7)
    let derives = pipeline.clean.derives
    #expect(derives.map(\.variable.type) == [.categorical, .integer, .categorical])
    #expect(derives[0].variable.codes == DeriveSpec.conditionCodes)
    #expect(derives[2].variable.codes.map(\.label) == ["18-29", "30-44", "45-59", "60+"])
    #expect(derives[2].rule == .cut(variable: "age", breaks: [18, 30, 45, 60]))
  }

  @Test("the output codebook adds the new variables; one computed from personal data is personal data")
  func outputCodebook() throws {
    let pipeline = try transformPipeline(example + "\n    - {name: has_phone, expression: \"present(phone)\"}\n")
    try pipeline.check(against: transformCodebook)
    let output = pipeline.outputCodebook(transformCodebook)
    #expect(output.variables.suffix(5).map(\.name) == ["country", "health_worsened", "years_abroad", "age_group", "has_phone"])
    #expect(output.variable(named: "has_phone")?.pii == true)
    #expect(output.variable(named: "age_group")?.pii == false)
  }

  @Test("load errors name the file, line and key", arguments: [
    ("  recode:\n    - {variable: country_text, into: country, map: {Italia: 1}}\n",
     "p.yml:6: clean.recode[0].type: this key is required"),
    ("  recode:\n    - {variable: country_text, into: country, type: categorical, map: {Italia: 1}}\n",
     "p.yml:6: clean.recode[0].type: a new categorical variable needs its 'codes'"),
    ("  recode:\n    - {variable: status, type: integer, map: {2: 1}}\n",
     "p.yml:6: clean.recode[0].type: 'type' describes a new variable"),
    ("  recode:\n    - {variable: status, map: {}}\n", "p.yml:6: clean.recode[0].map: give at least one"),
    ("  derive:\n    - {name: x, expression: \"a >\"}\n", "p.yml:6: clean.derive[0].expression: 'a >' is not a valid expression"),
    ("  derive:\n    - {name: x}\n", "p.yml:6: clean.derive[0]: give exactly one of expression or cut"),
    ("  derive:\n    - {name: x, cut: {variable: age, breaks: [30, 18], labels: [a, b]}}\n",
     "p.yml:6: clean.derive[0].cut.breaks: the breaks must be one or more numbers in ascending order"),
    ("  derive:\n    - {name: x, cut: {variable: age, breaks: [18, 30], labels: [a]}}\n",
     "p.yml:6: clean.derive[0].cut.labels: give one label per break (2)"),
    ("  derive:\n    - {name: x, expression: \"a > 1\", type: decimal}\n",
     "p.yml:6: clean.derive[0].type: a condition's variable is categorical"),
  ])
  func loadErrors(clean: String, message: String) {
    #expect {
      try transformPipeline(clean)
    } throws: { error in
      (error as? CoreError)?.localizedDescription.hasPrefix(message) ?? false
    }
  }

  @Test("check errors: unknown variables, names taken, values and types that do not fit", arguments: [
    ("  recode:\n    - {variable: country, map: {Italia: 1}}\n",
     "p.yml:6: clean.recode[0].variable: 'country' is not a variable of the codebook"),
    ("  recode:\n    - {variable: country_text, into: age, type: integer, map: {Italia: 1}}\n",
     "p.yml:6: clean.recode[0].into: 'age' is already a variable"),
    ("  recode:\n    - {variable: id, map: {R1: R2}}\n",
     "p.yml:6: clean.recode[0].variable: 'id' must stay unique"),
    ("  recode:\n    - {variable: status, map: {2: 3}}\n",
     "p.yml:6: clean.recode[0].map: '2' maps to '3', which is not a code of status"),
    ("  recode:\n    - {variable: status, map: {7: 1}}\n",
     "p.yml:6: clean.recode[0].map: '7' is not a code of status, so it would never match"),
    ("  recode:\n    - {variable: age, map: {200: 1}}\n",
     "p.yml:6: clean.recode[0].map: '200' is outside the range of age, so it would never match"),
    ("  recode:\n    - {variable: country_text, into: c, type: integer, map: {Italia: one}}\n",
     "p.yml:6: clean.recode[0].map: 'Italia' maps to 'one', which is not a whole number (c is integer)"),
    ("  derive:\n    - {name: x, expression: \"age + height\"}\n",
     "p.yml:6: clean.derive[0].expression: 'height' is not a variable of the codebook"),
    ("  derive:\n    - {name: x, expression: \"country_text * 2\"}\n",
     "p.yml:6: clean.derive[0].expression: 'country_text' is text; arithmetic needs numbers"),
    ("  derive:\n    - {name: x, expression: \"age / 0\"}\n", "p.yml:6: clean.derive[0].expression: "),
    ("  derive:\n    - {name: x, expression: \"status == 'Returned'\"}\n",
     "p.yml:6: clean.derive[0].expression: (status == 'Returned'): "),
    ("  derive:\n    - {name: age, expression: \"age + 1\"}\n", "p.yml:6: clean.derive[0].name: 'age' is already a variable"),
    ("  derive:\n    - {name: x, cut: {variable: status, breaks: [1], labels: [a]}}\n",
     "p.yml:6: clean.derive[0].cut.variable: 'status' is categorical; a cut needs an integer or decimal variable"),
  ])
  func checkErrors(clean: String, message: String) throws {
    let pipeline = try transformPipeline(clean)
    #expect {
      try pipeline.check(against: transformCodebook)
    } throws: { error in
      (error as? CoreError)?.localizedDescription.hasPrefix(message) ?? false
    }
  }

  @Test("a derived variable may feed a later one, and tables may break down by it")
  func chained() throws {
    let pipeline = try Pipeline.parse(
      yaml: """
        name: t
        codebook: c.yml
        inputs: [a.csv]
        clean:
          derive:
            - {name: years_abroad, expression: "year_return - year_left"}
            - {name: long_stay, expression: "years_abroad >= 5"}
        design: {weight: w}
        tables:
          - {name: stay, proportion: long_stay, by: [long_stay]}
        """, file: "p.yml")
    try pipeline.check(against: transformCodebook)
  }
}
