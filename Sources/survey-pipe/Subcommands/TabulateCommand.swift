import ArgumentParser
import SurveyPipeline

/// `survey-pipe tabulate PIPELINE.yml`: the tabulate stage alone (docs/stages.md).
struct TabulateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tabulate",
    abstract: "Estimate the tables from the clean and weight artifacts and write the run folder.",
    discussion: StageHelp.discussion(.tabulate))

  @OptionGroup var stage: StageFlags

  func run() throws {
    try stage.run(.tabulate)
  }
}
