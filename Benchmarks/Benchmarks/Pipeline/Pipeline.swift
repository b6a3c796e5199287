// The whole pipeline (`survey-pipe run`: ingest, validate, clean, weight, ten tables, the run
// folder) on `survey-pipe synth` data of 100k and 1M rows (10M with SURVEY_PIPE_BENCH_10M=1).
import Benchmark
import Foundation
import SurveyCore
import SurveyPipeline
import SurveySynth

/// A synthetic survey of `rows` rows in a temporary folder, made once per process.
func syntheticSurvey(rows: Int) throws -> String {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("survey-pipe-bench-\(rows)").path
  let pipeline = folder + "/pipeline.yml"
  if !FileManager.default.fileExists(atPath: pipeline) {
    _ = try SyntheticSurvey(rows: rows, seed: 1).write(to: folder, progressEvery: 0) { _ in }
  }
  return pipeline
}

/// Runs the pipeline once, as `survey-pipe run --quiet` does.
func runPipeline(_ path: String) throws {
  let (pipeline, codebook) = try PipelineRun.load(path)
  let runner = PipelineRun(
    pipeline: pipeline, codebook: codebook, outputPath: pipeline.outputPath, progress: ProgressLog(quiet: true))
  let outcome = try runner.execute()
  blackHole(outcome.tidyRecords)
}

let benchmarks: @Sendable () -> Void = {
  var sizes = [100_000, 1_000_000]
  if ProcessInfo.processInfo.environment["SURVEY_PIPE_BENCH_10M"] == "1" { sizes.append(10_000_000) }
  for rows in sizes {
    let label = rows >= 1_000_000 ? "\(rows / 1_000_000)M" : "\(rows / 1000)k"
    Benchmark(
      "survey-pipe run, \(label) rows",
      configuration: .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .throughput],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        scalingFactor: .one,
        maxDuration: .seconds(rows >= 10_000_000 ? 300 : 30),
        maxIterations: rows >= 10_000_000 ? 2 : 5
      )
    ) { benchmark, path in
      for _ in benchmark.scaledIterations { try runPipeline(path) }
    } setup: {
      try syntheticSurvey(rows: rows)
    }
  }
}
