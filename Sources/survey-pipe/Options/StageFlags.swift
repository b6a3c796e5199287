import ArgumentParser
import Foundation
import SurveyPipeline

/// What every one-stage command takes: the pipeline, the run folder and `--quiet`.
struct StageFlags: ParsableArguments {
  @Argument(help: "The pipeline file (YAML).")
  var pipeline: String

  @Option(help: "The run folder (default: the pipeline's `output`); the artifacts live in DIR.stages beside it.")
  var out: String?

  @Flag(help: "Print no progress lines on standard error.")
  var quiet = false

  /// Runs `stage` alone and prints what it did; after tabulate, the run's summary.
  ///
  /// - Throws: `ExitCode(1)` when the run folder was written but a table or the weighting failed.
  func run(_ stage: Stage) throws {
    try Self.run(stage, pipeline: pipeline, out: out, quiet: quiet)
  }

  /// Runs `stage` of the pipeline at `path` alone (`run --only`, `weight PIPELINE.yml`).
  ///
  /// - Parameter failOn: the `--fail-on` gate of `run --only tabulate` (only tabulate writes the
  ///   run folder whose findings it counts).
  static func run(
    _ stage: Stage, pipeline path: String, out: String?, quiet: Bool, failOn: RunSummary.FailLevel? = nil,
    exports: [String] = []
  ) throws {
    var (pipeline, codebook) = try PipelineRun.load(path)
    pipeline.exports += exports.filter { !pipeline.exports.contains($0) }
    if !exports.isEmpty { try PipelineRun.checkExports(pipeline, codebook) }
    let runner = PipelineRun(
      pipeline: pipeline, codebook: codebook, outputPath: out ?? pipeline.outputPath, progress: ProgressLog(quiet: quiet))
    let outcome = try runner.execute(only: stage)
    if let run = outcome.run {
      RunSummary.print(run, pipeline: pipeline.name)
      try RunSummary.failIfFailed(run)
      try RunSummary.gate(run, failOn: failOn)
    } else {
      print("\(stage.rawValue): \(outcome.summary); artifact \(outcome.artifact ?? "")")
    }
  }
}

/// The summary a run prints, and the exit code of a run whose weighting or tables failed.
enum RunSummary {
  static func print(_ outcome: PipelineRun.Outcome, pipeline: String) {
    let counts = outcome.log.counts
    let open = outcome.log.unresolvedCounts
    let settled = outcome.log.findings.count - open.values.reduce(0, +)
    Swift.print(
      """
      \(pipeline): \(outcome.rawRecords) records read, \(outcome.tidyRecords) kept, \(outcome.droppedRecords) dropped
      findings: \(counts[.error] ?? 0) errors, \(counts[.warning] ?? 0) warnings, \(counts[.info] ?? 0) info; \(settled) settled by decisions (validation.csv)
      cleaning: \(outcome.changes) changes (cleaning-log.csv)
      tables: \(outcome.tables.isEmpty ? "none" : outcome.tables.joined(separator: ", "))
      run folder: \(outcome.outputPath)
      """)
  }

  /// The level of `--fail-on`.
  enum FailLevel: String, ExpressibleByArgument, CaseIterable {
    case error, warning
  }

  /// The `--fail-on` gate: exits with 3 when findings no reviewer's decision settled reach `failOn`.
  static func gate(_ outcome: PipelineRun.Outcome, failOn: FailLevel?) throws {
    guard let failOn else { return }
    let open = outcome.log.unresolvedCounts
    // Findings a reviewer's decision settled do not count.
    let tripped = (open[.error] ?? 0) + (failOn == .warning ? open[.warning] ?? 0 : 0)
    guard tripped > 0 else { return }
    FileHandle.standardError.write(
      Data("survey-pipe: --fail-on \(failOn.rawValue): \(tripped) unsettled finding\(tripped == 1 ? "" : "s") at that level\n".utf8))
    throw ExitCode(3)
  }

  /// Exits with 1, after saying why on standard error, when the weighting or a table failed
  /// (the run folder is written all the same).
  static func failIfFailed(_ outcome: PipelineRun.Outcome) throws {
    guard !outcome.failures.isEmpty else { return }
    for failure in outcome.failures {
      let place = [failure.batch, failure.line.map(String.init)].compactMap { $0 }.joined(separator: ":")
      FileHandle.standardError.write(Data("survey-pipe: \(place): \(failure.message)\n".utf8))
    }
    FileHandle.standardError.write(
      Data("survey-pipe: the run failed; the run folder \(outcome.outputPath) holds everything else (run.json: status failed)\n".utf8))
    throw ExitCode(1)
  }
}
