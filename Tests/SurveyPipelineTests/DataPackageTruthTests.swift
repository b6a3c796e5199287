import Foundation
import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyPipeline

/// What `tidy/datapackage.json` declares holds for `tidy/survey.csv`.
@Suite("PipelineRun: the data package tells the truth")
struct DataPackageTruthTests {
  /// Runs `survey` in process and returns the package's fields by name, and the tidy CSV.
  func run(_ survey: MiniSurvey) throws -> (fields: [String: [String: Any]], tidy: String) {
    let (pipeline, codebook) = try PipelineRun.load(survey.pipeline)
    _ = try PipelineRun(pipeline: pipeline, codebook: codebook, outputPath: survey.out, progress: ProgressLog(quiet: true))
      .execute()
    let package = try JSONSerialization.jsonObject(with: Data(try survey.output("tidy/datapackage.json").utf8))
    let resource = ((package as! [String: Any])["resources"] as! [[String: Any]])[0]
    let fields = (resource["schema"] as! [String: Any])["fields"] as! [[String: Any]]
    return (Dictionary(uniqueKeysWithValues: fields.map { ($0["name"] as! String, $0) }), try survey.output("tidy/survey.csv"))
  }

  @Test("invalid: keep writes kept text: its column is declared string, the others keep their type")
  func keptText() throws {
    let survey = try MiniSurvey(extraPipeline: "clean: {invalid: keep}")
    try survey.batch("\(MiniSurvey.header)\nR1,A,1,30,1,\nR2,B,2,abc,1,\nR3,C,3,40,1,\n")
    let (fields, tidy) = try run(survey)
    #expect(tidy.contains("R2,abc,1,"))
    #expect(fields["age"]?["type"] as? String == "string")
    #expect(fields["w"]?["type"] as? String == "number")
  }

  @Test("kept text that reads as the type (an out-of-range age) leaves the type alone")
  func keptNumber() throws {
    let survey = try MiniSurvey(extraPipeline: "clean: {invalid: keep}")
    try survey.batch("\(MiniSurvey.header)\nR1,A,1,30,1,\nR2,B,2,130,1,\n")
    #expect(try run(survey).fields["age"]?["type"] as? String == "integer")
  }

  @Test("an id without unique: true is deduplicated by keep-first, as the package's unique constraint says")
  func plainID() throws {
    let survey = try MiniSurvey()
    try survey.folder.write(
      "codebook.yml",
      "survey: mini\nid: id\nvariables:\n  - {name: id, type: text}\n  - {name: name, type: text, pii: true}\n"
        + "  - {name: phone, type: text, pii: true}\n  - {name: age, type: integer}\n  - {name: w, type: decimal}\n"
        + "  - {name: note, type: text}\n")
    try survey.batch("\(MiniSurvey.header)\nR1,A,1,30,1,\nR2,B,2,40,1,\nR1,C,3,50,1,\n")
    let (fields, tidy) = try run(survey)
    let constraints = fields["id"]?["constraints"] as? [String: Any]
    #expect(constraints?["unique"] as? Bool == true)
    let ids = tidy.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
    #expect(ids == ["R1", "R2"])
    #expect(try survey.output("cleaning-log.csv").contains("R1,,,,duplicate-id,batch.csv,4"))
  }
}
