import Testing

@testable import SurveyCore

@Suite("Pipeline files: exports")
struct PipelineExportsTests {
  static let head = "name: p\ncodebook: c.yml\ninputs: [a.csv]\n"

  @Test("exports: [dta, sav, xlsx] reads in order; none by default")
  func reads() throws {
    #expect(try Pipeline.parse(yaml: Self.head + "exports: [sav, xlsx, dta]\n").exports == ["sav", "xlsx", "dta"])
    #expect(try Pipeline.parse(yaml: Self.head).exports.isEmpty)
  }

  @Test("Stata and SPSS names: a codebook name they refuse is an error at load, naming the variable")
  func names() throws {
    let codebook = try Codebook.parse(
      yaml: """
        survey: s
        id: id
        variables:
          - {name: id, type: text}
          - {name: a_name_much_longer_than_thirty_two_chars, type: integer}
          - {name: phone_number_of_the_respondent_kept_private, type: text, pii: true}
        """)
    #expect(throws: CoreError.self) {
      try Pipeline.parse(yaml: Self.head + "exports: [dta]\n").check(against: codebook)
    }
    // xlsx alone names no variable; personal data is never exported, so its name does not matter.
    try Pipeline.parse(yaml: Self.head + "exports: [xlsx]\n").check(against: codebook)
    #expect(Pipeline.isExportName("symptoms_fever") && Pipeline.isExportName("_uuid"))
    #expect(!Pipeline.isExportName("1st") && !Pipeline.isExportName("a.b") && !Pipeline.isExportName("grp/age"))
  }

  @Test(
    "mistakes name the line and the key",
    arguments: [
      ("exports: [por]\n", "pipeline.yml:4: exports[0]: unknown export 'por' (expected one of dta, sav, xlsx)"),
      ("exports: [dta, dta]\n", "exports[1]: 'dta' is named twice"),
    ])
  func mistakes(yaml: String, message: String) {
    #expect {
      _ = try Pipeline.parse(yaml: Self.head + yaml)
    } throws: { error in
      let text = (error as? CoreError)?.localizedDescription ?? "\(error)"
      return text.contains(message) || { print(text); return false }()
    }
  }
}
