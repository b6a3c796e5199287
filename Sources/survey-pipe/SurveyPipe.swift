import ArgumentParser
import Foundation
import SurveyIngest
import SurveyPipeline

/// The `survey-pipe` command: parses arguments and hands over to one subcommand.
///
/// Exit codes: 0 done; 1 the run failed (the message names file, line and key); 2 usage;
/// 3 the `--fail-on` gate tripped.
@main
struct SurveyPipe: ParsableCommand {

  static let configuration = CommandConfiguration(
    commandName: "survey-pipe",
    abstract: "Ingest, validate, clean, weight and tabulate migrant-health survey batches.",
    discussion: """
      A pipeline file names the codebook, the batch files, the cleaning policy, the design and \
      the tables; `survey-pipe run` writes a run folder with validation and cleaning logs, a \
      tidy dataset and weighted tables with design-based standard errors.

      Examples:
        survey-pipe check pipelines/moldova-migrant-health.yml
        survey-pipe run pipelines/moldova-migrant-health.yml --out out/example
        survey-pipe clean pipelines/moldova-migrant-health.yml --out out/example
        survey-pipe estimate data.csv --weight pw --strata stype --fpc fpc --mean api00 --by stype
        survey-pipe weight data.csv --weight w --rake sex,region --margins margins.csv --out weighted.csv
        survey-pipe synth --rows 100000 --seed 1 --out /tmp/synth
      """,
    version: PipelineRun.version,
    subcommands: [
      Run.self, Check.self, IngestCommand.self, ValidateCommand.self, CleanCommand.self, Weight.self, TabulateCommand.self,
      Estimate.self, Synth.self, CodebookCommand.self,
    ]
  )

  /// Runs the command, mapping usage errors to exit code 2 (ArgumentParser's default is 64).
  /// A mapped input file shortened while it is read stops the run with a message (exit 1).
  static func main() {
    MappedFiles.stopCleanlyOnTruncation()
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
