import Foundation
import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyPipeline

@Suite("run.json")
struct RunManifestTests {
  @Test("the pipeline and codebook hashes are of the bytes parsed, even if the files change before the end")
  func hashesOfParsedBytes() throws {
    let survey = try MiniSurvey()
    try survey.batch("\(MiniSurvey.header)\nR1,A,1,30,1,\nR2,B,2,40,2,\n")
    let margins = try survey.folder.write("margins.csv", "variable,level,total\nsex,1,10\nsex,2,12\n")
    try survey.folder.write(
      "codebook.yml",
      try survey.folder.read("codebook.yml") + "\n  - {name: sex, type: categorical, codes: {1: m, 2: f}}\n")
    try survey.folder.write(
      "pipeline.yml",
      try survey.folder.read("pipeline.yml") + "\nweighting: {poststratify: {variable: sex, margins: margins.csv}}\n")
    try survey.batch("\(MiniSurvey.header),sex\nR1,A,1,30,1,,1\nR2,B,2,40,2,,2\n")
    let parsed = try ["pipeline.yml", "codebook.yml", "margins.csv"].map {
      FileDigest.sha256(Array(try Data(contentsOf: URL(fileURLWithPath: survey.folder.path + "/" + $0))))
    }
    let (pipeline, codebook) = try PipelineRun.load(survey.pipeline)
    // The files change after they were read, while the run goes on. (The margins are read
    // again by the weight stage, which the hash then describes: they are left alone here.)
    for name in ["pipeline.yml", "codebook.yml"] {
      try survey.folder.write(name, try survey.folder.read(name) + "\n# edited\n")
    }
    _ = try PipelineRun(pipeline: pipeline, codebook: codebook, outputPath: survey.out, progress: ProgressLog(quiet: true))
      .execute()
    let manifest = try survey.manifest()
    #expect((manifest["pipeline"] as? [String: Any])?["sha256"] as? String == parsed[0])
    #expect((manifest["codebook"] as? [String: Any])?["sha256"] as? String == parsed[1])
    let margin = (manifest["margins"] as? [[String: Any]])?.first
    #expect(margin?["sha256"] as? String == parsed[2])
    #expect(margin?["bytes"] as? Int == 39)
  }
}
