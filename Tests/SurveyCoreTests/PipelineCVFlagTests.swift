import SurveyCore
import Testing

@Suite("Pipeline files: cv_flag")
struct PipelineCVFlagTests {
  static let head = "name: p\ncodebook: c.yml\ninputs: [a.csv]\n"

  @Test("cv_flag defaults to 0.3 and reads a positive number; anything else names the line")
  func reads() throws {
    #expect(try Pipeline.parse(yaml: Self.head).cvFlag == 0.3)
    #expect(try Pipeline.parse(yaml: Self.head + "cv_flag: 0.166\n").cvFlag == 0.166)
    for bad in ["0", "-1", ".inf", "high"] {
      #expect(throws: CoreError.self) { try Pipeline.parse(yaml: Self.head + "cv_flag: \(bad)\n") }
    }
    do {
      _ = try Pipeline.parse(yaml: Self.head + "cv_flag: 0\n")
    } catch {
      #expect(error.localizedDescription.contains("pipeline.yml:4: cv_flag: expected a coefficient of variation above 0"))
    }
  }
}
