import Foundation
import ArgumentParser
import SurveyCore
import SurveyPipeline
import SurveyIngest

/// `survey-pipe check`: lint a pipeline and its codebook without reading any data.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check a pipeline and its codebook without reading data.",
    discussion: """
      Reads the pipeline and the codebook, checks every key, type, code list, range and expression, \
      checks that the design and tables name suitable variables, and that every input pattern \
      matches a file. Errors name the file, the line and the key.

      Example:
        survey-pipe check pipelines/moldova-migrant-health.yml
      """)

  @Argument(help: "The pipeline file (YAML).")
  var pipeline: String

  func run() throws {
    let (pipeline, codebook) = try PipelineRun.load(self.pipeline)
    let sources = try Ingest.sources(for: pipeline)
    print(
      """
      \(pipeline.file): ok
        codebook \(pipeline.codebookPath): survey \(codebook.survey), \(codebook.variables.count) variables
        inputs: \(sources.count) file\(sources.count == 1 ? "" : "s")
        tables: \(pipeline.tables.count)
        output: \(pipeline.outputPath)
      """)
  }
}
