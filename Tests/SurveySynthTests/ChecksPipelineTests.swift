import Foundation
import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveySynth

@Suite("Synth: the pipeline with field-quality checks (--checks)")
struct ChecksPipelineTests {
  @Test("Without checks no pipeline-checks.yml is written; with it the other files are the same bytes")
  func otherFilesUnchanged() throws {
    let plain = try TemporaryDirectory("synth-checks")
    let withChecks = try TemporaryDirectory("synth-checks")
    let plainSummary = try SyntheticSurvey(rows: 400, seed: 9).write(to: plain.path)
    let checksSummary = try SyntheticSurvey(rows: 400, seed: 9).write(to: withChecks.path, checks: true)
    #expect(!FileManager.default.fileExists(atPath: plain.url.appendingPathComponent("pipeline-checks.yml").path))
    #expect(FileManager.default.fileExists(atPath: withChecks.url.appendingPathComponent("pipeline-checks.yml").path))
    #expect(!plainSummary.files.contains(SyntheticSurvey.checksPipelineFile))
    #expect(checksSummary.files.contains(SyntheticSurvey.checksPipelineFile))
    for name in plainSummary.files {
      let a = try Data(contentsOf: plain.url.appendingPathComponent(name))
      let b = try Data(contentsOf: withChecks.url.appendingPathComponent(name))
      #expect(a == b, "\(name) differs")
    }
  }

  @Test("pipeline-checks.yml loads, agrees with the codebook and asks for the checks the columns allow")
  func checksPipelineLoads() throws {
    let folder = try TemporaryDirectory("synth-checks")
    try SyntheticSurvey(rows: 300, seed: 2).write(to: folder.path, checks: true)
    let codebook = try Codebook.load(path: folder.url.appendingPathComponent("codebook.yml").path)
    let plain = try Pipeline.load(path: folder.url.appendingPathComponent("pipeline.yml").path)
    let pipeline = try Pipeline.load(path: folder.url.appendingPathComponent("pipeline-checks.yml").path)
    try pipeline.check(against: codebook)
    #expect(plain.checks == nil)
    let checks = try #require(pipeline.checks)
    #expect(checks.enumerator == "enumerator")
    #expect(checks.fieldwork?.date == "interview_date")
    #expect(checks.dontKnow != nil)
    #expect(checks.outliers?.variables.contains("oop_cost") == true)
    #expect(checks.resubmissions == "respondent_id")
    #expect(checks.duration == nil)
    // The rest of the pipeline is pipeline.yml's; only the output folder differs.
    #expect(pipeline.tables.map(\.name) == plain.tables.map(\.name))
    // The same design, on another line of the file (the checks section comes before it).
    var design = try #require(pipeline.design)
    design.line = plain.design?.line
    #expect(design == plain.design)
    #expect(pipeline.inputs.map(\.pattern) == plain.inputs.map(\.pattern))
    #expect(pipeline.outputPath != plain.outputPath)
  }
}
