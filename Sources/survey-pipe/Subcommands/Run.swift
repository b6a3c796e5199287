import ArgumentParser
import Foundation
import SurveyCore
import SurveyPipeline

/// `survey-pipe run`: every stage of a pipeline, writing the run folder.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a pipeline: ingest, validate, clean, weight and tabulate; write the run folder.",
    discussion: """
      The run folder (the pipeline's `output`, or --out) gets run.json, validation.csv/.jsonl/.html, \
      cleaning-log.csv, tidy/survey.csv with tidy/datapackage.json (and tidy/survey.dta and .sav, tables.xlsx and \
      validation.xlsx with exports: or --export), weights.json and tables/. It is \
      replaced only when the whole run succeeds, in one step; a killed run leaves it whole, and the \
      next run deletes the hidden .NAME.partial-PID folder it left. A second run into the same \
      folder waits for the first. A run refuses a folder holding a file it did not write.

      Each stage leaves its artifact in DIR.stages beside the run folder (personal data \
      included: it is never published); `--only STAGE` runs one stage from them (docs/stages.md).

      A table that cannot be estimated (a lonely PSU under lonely_psu: fail) or a weighting that \
      fails becomes an error finding (table-failed, weighting-failed): the run folder is written \
      with everything else, run.json says "status": "failed", and the exit code is 1.

      Exit codes: 0 done; 1 the run failed (the message names file, line and key); 2 usage; \
      3 the --fail-on gate tripped (the run folder is still written). Findings settled by a \
      reviewer's decision (the `resolution` column of validation.csv) do not trip the gate.

      A file with `parts:` (a list of pipeline files) runs each part in order into \
      OUTPUT/PART-NAME, as the health-workforce example does with its registry and its survey.

      Examples:
        survey-pipe run pipelines/moldova-migrant-health.yml
        survey-pipe run pipelines/moldova-health-workforce.yml
        survey-pipe run pipelines/moldova-migrant-health.yml --out /tmp/run --fail-on error
        survey-pipe run pipelines/moldova-migrant-health.yml --export dta,sav,xlsx
      """)

  @Argument(help: "The pipeline file (YAML).")
  var pipeline: String

  @Option(help: "Write the run folder here instead of the pipeline's `output`.")
  var out: String?

  @Option(help: "Exit with code 3 when there are findings of this severity or worse: error or warning.")
  var failOn: RunSummary.FailLevel?

  @Flag(help: "Print no progress lines on standard error.")
  var quiet = false

  @Option(
    help: ArgumentHelp(
      "Also write labelled exports, comma separated: dta (Stata, tidy/survey.dta), sav (SPSS, tidy/survey.sav), xlsx (tables.xlsx and validation.xlsx); added to the pipeline's exports:.",
      valueName: "formats"))
  var export: [String] = []

  @Option(help: "Run one stage alone from the artifacts of the stages before it: ingest, validate, clean, weight or tabulate (docs/stages.md).")
  var only: Stage?

  /// The formats of every `--export`, split at commas.
  var exportFormats: [String] {
    export.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
  }

  func validate() throws {
    for format in exportFormats where !Pipeline.exportFormats.contains(format) {
      throw ValidationError("unknown --export '\(format)' (expected one of \(Pipeline.exportFormats.joined(separator: ", ")))")
    }
    if failOn != nil, let only, only != .tabulate {
      throw ValidationError("--fail-on counts the findings of the run folder, which only tabulate writes: use it with run or --only tabulate")
    }
  }

  func run() throws {
    if let parts = try PipelineParts.load(path: pipeline) {
      try runParts(parts)
      return
    }
    if let only {
      try StageFlags.run(only, pipeline: pipeline, out: out, quiet: quiet, failOn: failOn, exports: exportFormats)
      return
    }
    let (pipeline, codebook) = try PipelineRun.load(self.pipeline)
    try runOne(pipeline, codebook, output: out ?? pipeline.outputPath)
  }
}

extension Stage: ExpressibleByArgument {}
