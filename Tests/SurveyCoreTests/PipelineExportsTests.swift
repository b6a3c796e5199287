import SurveyCore
import Testing

@Suite("Pipeline files: exports")
struct PipelineExportsTests {
  static let head = "name: p\ncodebook: c.yml\ninputs: [a.csv]\n"

  @Test("exports: [dta, sav, xlsx] reads in order; none by default")
  func reads() throws {
    #expect(try Pipeline.parse(yaml: Self.head + "exports: [sav, xlsx, dta]\n").exports == ["sav", "xlsx", "dta"])
    #expect(try Pipeline.parse(yaml: Self.head).exports.isEmpty)
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
