import ArgumentParser
import SurveyPipeline

/// `survey-pipe clean PIPELINE.yml`: the clean stage alone (docs/stages.md).
struct CleanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clean",
    abstract: "Apply the decisions and the cleaning policy to the ingested table; write the clean artifact.",
    discussion: StageHelp.discussion(.clean))

  @OptionGroup var stage: StageFlags

  func run() throws {
    try stage.run(.clean)
  }
}
