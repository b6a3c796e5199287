import ArgumentParser
import SurveyPipeline

/// `survey-pipe validate PIPELINE.yml`: the validate stage alone (docs/stages.md).
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check the ingest artifact against the codebook; write the validate artifact.",
    discussion: StageHelp.discussion(.validate))

  @OptionGroup var stage: StageFlags

  func run() throws {
    try stage.run(.validate)
  }
}
