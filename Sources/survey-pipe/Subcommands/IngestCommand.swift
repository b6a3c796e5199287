import ArgumentParser
import SurveyPipeline

/// `survey-pipe ingest PIPELINE.yml`: the ingest stage alone (docs/stages.md).
struct IngestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "Read the pipeline's batch files into the ingest artifact.",
    discussion: StageHelp.discussion(.ingest))

  @OptionGroup var stage: StageFlags

  func run() throws {
    try stage.run(.ingest)
  }
}
