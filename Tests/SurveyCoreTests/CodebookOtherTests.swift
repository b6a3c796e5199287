import SurveyCore
import Testing

@Suite("Codebook: other, specify")
struct CodebookOtherTests {
  static func codebook(_ occupation: String, specify: String = "{name: occupation_other, type: text}") throws -> Codebook {
    try Codebook.parse(
      yaml: """
        survey: s
        id: rid
        variables:
          - {name: rid, type: text}
          - \(occupation)
          - \(specify)
        """)
  }

  @Test("other: {code, specify} reads on a categorical variable")
  func reads() throws {
    let codebook = try Self.codebook(
      "{name: occupation, type: categorical, codes: {1: Farming, 96: Other}, other: {code: 96, specify: occupation_other}}")
    #expect(codebook.variable(named: "occupation")?.other == OtherSpecify(code: "96", specify: "occupation_other"))
  }

  @Test("mistakes name the line and the key", arguments: [
    ("{name: occupation, type: categorical, codes: {1: Farming, 96: Other}, other: {code: 97, specify: occupation_other}}",
     "{name: occupation_other, type: text}",
     "codebook.yml:5: variables[1].other.code: '97' is not a code of occupation (its codes: 1, 96)"),
    ("{name: occupation, type: categorical, codes: {1: Farming, 96: Other}, other: {code: 96, specify: job}}",
     "{name: occupation_other, type: text}",
     "codebook.yml:5: variables[1].other.specify: 'job' is not a variable of the codebook"),
    ("{name: occupation, type: categorical, codes: {1: Farming, 96: Other}, other: {code: 96, specify: occupation_other}}",
     "{name: occupation_other, type: integer}",
     "codebook.yml:5: variables[1].other.specify: 'occupation_other' is integer; the specified answer must be a text variable"),
    ("{name: occupation, type: text, other: {code: 96, specify: occupation_other}}", "{name: occupation_other, type: text}",
     "codebook.yml:5: variables[1].other: other is for categorical variables, not text"),
    ("{name: occupation, type: categorical, codes: {96: Other}, other: {code: 96}}", "{name: occupation_other, type: text}",
     "codebook.yml:5: variables[1].other.specify: this key is required"),
  ])
  func mistakes(occupation: String, specify: String, message: String) {
    do {
      _ = try Self.codebook(occupation, specify: specify)
      Issue.record("accepted")
    } catch {
      #expect(error.localizedDescription.hasPrefix(message), "\(error.localizedDescription)")
    }
  }
}
