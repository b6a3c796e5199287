// The whole pipeline (`survey-pipe run`: ingest, validate, clean, weight with nonresponse
// adjustment and calibration, ten tables, the run folder and the stage artifacts), the same with
// the field-quality checks (`pipeline-checks.yml` of `synth --checks`), one stage run alone from
// the artifacts (`survey-pipe clean`: reads the ingest and validate artifacts, writes clean's), the
// 20-table run of `pipeline-indicators.yml` (quantiles, differences between rounds, tests of
// association) and
// the raked estimate job (`survey-pipe estimate` with raking on sex, region and age group and a
// domain table with SEs) on `survey-pipe synth` data of 100k and 1M rows (10M with
// SURVEY_PIPE_BENCH_10M=1).
import Benchmark
import Foundation
import SurveyCore
import SurveyPipeline
import SurveySynth
import SurveyTabulate

/// A synthetic survey of `rows` rows in a temporary folder, made once (with `pipeline.yml`,
/// `pipeline-checks.yml` and `pipeline-indicators.yml`); returns the path of `pipeline.yml`.
func syntheticSurvey(rows: Int) throws -> String {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("survey-pipe-bench-\(rows)").path
  if !FileManager.default.fileExists(atPath: folder + "/" + SyntheticSurvey.indicatorsPipelineFile) {
    _ = try SyntheticSurvey(rows: rows, seed: 1).write(to: folder, checks: true, progressEvery: 0) { _ in }
  }
  return folder + "/" + SyntheticSurvey.pipelineFile
}

/// `pipeline-checks.yml` beside the `pipeline.yml` at `path`.
func checksPipeline(_ path: String) -> String {
  (path as NSString).deletingLastPathComponent + "/" + SyntheticSurvey.checksPipelineFile
}

/// `pipeline-indicators.yml` (20 tables) beside the `pipeline.yml` at `path`.
func indicatorsPipeline(_ path: String) -> String {
  (path as NSString).deletingLastPathComponent + "/" + SyntheticSurvey.indicatorsPipelineFile
}

/// The runner of the pipeline at `path`, as `survey-pipe run --quiet` makes it.
func runner(_ path: String) throws -> PipelineRun {
  let (pipeline, codebook) = try PipelineRun.load(path)
  return PipelineRun(
    pipeline: pipeline, codebook: codebook, outputPath: pipeline.outputPath, progress: ProgressLog(quiet: true))
}

/// Runs the pipeline once, as `survey-pipe run --quiet` does.
func runPipeline(_ path: String) throws {
  blackHole(try runner(path).execute().tidyRecords)
}

/// Runs one stage alone, as `survey-pipe STAGE --quiet` does (the stages before it must have run).
func runStage(_ stage: Stage, _ path: String) throws {
  blackHole(try runner(path).execute(only: stage).summary)
}

/// The raked estimate job, as `survey-pipe estimate survey.csv --weight design_weight --strata
/// stratum --psu psu --fpc fpc --lonely-psu adjust --rake sex,region,age_group --margins
/// margins.csv --mean oop_cost --by migrant_status,region` does it.
func rakedEstimate(_ pipeline: String) throws {
  let folder = (pipeline as NSString).deletingLastPathComponent
  let job = AdHocEstimate(
    data: folder + "/survey.csv", read: ReadOptions(),
    design: DesignSpec(weight: "design_weight", strata: "stratum", psu: ["psu"], fpc: ["fpc"], lonelyPSU: .adjust),
    weighting: WeightingSpec(
      rake: RakeSpec(variables: ["sex", "region", "age_group"], margins: folder + "/margins.csv")),
    requests: [.init(.mean, "oop_cost")], by: ["migrant_status", "region"], options: EstimateOptions())
  blackHole(try job.execute().tables.count)
}

/// Wall and CPU time, peak memory and throughput; a few samples, fewer and longer at 10M rows.
func configuration(rows: Int) -> Benchmark.Configuration {
  .init(
    metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .throughput],
    timeUnits: .milliseconds,
    warmupIterations: 1,
    scalingFactor: .one,
    maxDuration: .seconds(rows >= 10_000_000 ? 300 : 30),
    maxIterations: rows >= 10_000_000 ? 2 : 5
  )
}

let benchmarks: @Sendable () -> Void = {
  var sizes = [100_000, 1_000_000]
  if ProcessInfo.processInfo.environment["SURVEY_PIPE_BENCH_10M"] == "1" { sizes.append(10_000_000) }
  for rows in sizes {
    let label = rows >= 1_000_000 ? "\(rows / 1_000_000)M" : "\(rows / 1000)k"
    Benchmark(
      "survey-pipe run, \(label) rows",
      configuration: configuration(rows: rows)
    ) { benchmark, path in
      for _ in benchmark.scaledIterations { try runPipeline(path) }
    } setup: {
      try syntheticSurvey(rows: rows)
    }
    Benchmark(
      "survey-pipe run with checks, \(label) rows",
      configuration: configuration(rows: rows)
    ) { benchmark, path in
      for _ in benchmark.scaledIterations { try runPipeline(path) }
    } setup: {
      checksPipeline(try syntheticSurvey(rows: rows))
    }
    Benchmark(
      "survey-pipe run, 20 tables (quantiles, differences, tests), \(label) rows",
      configuration: configuration(rows: rows)
    ) { benchmark, path in
      for _ in benchmark.scaledIterations { try runPipeline(path) }
    } setup: {
      indicatorsPipeline(try syntheticSurvey(rows: rows))
    }
    Benchmark(
      "survey-pipe clean alone (reads 2 artifacts, writes 1), \(label) rows",
      configuration: configuration(rows: rows)
    ) { benchmark, path in
      for _ in benchmark.scaledIterations { try runStage(.clean, path) }
    } setup: {
      let path = try syntheticSurvey(rows: rows)
      try runPipeline(path)
      return path
    }
    Benchmark(
      "survey-pipe estimate, raked, \(label) rows",
      configuration: configuration(rows: rows)
    ) { benchmark, path in
      for _ in benchmark.scaledIterations { try rakedEstimate(path) }
    } setup: {
      try syntheticSurvey(rows: rows)
    }
  }
}
