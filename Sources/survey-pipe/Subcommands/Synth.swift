import ArgumentParser
import Foundation
import SurveySynth

/// `survey-pipe synth`: writes a deterministic synthetic survey with its codebook, margins and
/// pipeline.
struct Synth: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "synth",
    abstract: "Write a deterministic synthetic migrant-health survey (or health workforce), codebook, margins and pipeline.",
    discussion: """
      With --kind migrant-health (the default), writes into DIR (created if missing):
        survey.csv    N sampled adults (18+) in Moldova: current, returned and
                      never-migrants; about 12% nonresponse; strata = region x
                      urban/rural; about 20 interviews per PSU; design weights
                      adding up to the population (2.0 million adults from
                      about 30 to 1.1 million rows; see below)
        codebook.yml  the Moldova migrant-health codebook the data follow
        margins.csv   population totals by sex, region and age_group
        pipeline.yml  a pipeline reading survey.csv with codebook.yml (10 tables)
        pipeline-indicators.yml  pipeline.yml with 10 more tables, the
                      migrant-health indicators: awareness by survey round with
                      the round 2 - 1 difference, median and quartiles of
                      out-of-pocket costs, health worsened since departure,
                      Rao-Scott tests; writing to out-indicators
        pipeline-checks.yml  with --checks only: pipeline.yml with a checks:
                      section (enumerator, fieldwork, dont_know, outliers,
                      resubmissions), writing to out-checks

      The same --rows and --seed give byte-identical files. Row i is the same \
      for every N with the same PSU size (20 interviews from 400 rows to 8 \
      million), apart from design_weight and fpc, which follow the sample size. \
      Outside about 30 to 1.1 million rows the population is scaled so that \
      design weights stay within the codebook's range (1 to 100000); the summary \
      line gives the population used.

      Examples:
        survey-pipe synth --rows 5000 --out /tmp/synth
        survey-pipe synth --rows 1000000 --seed 7 --out bench/1m
        survey-pipe synth --rows 100000 --out /tmp/synth
        survey-pipe run /tmp/synth/pipeline.yml
        survey-pipe run /tmp/synth/pipeline-indicators.yml
        survey-pipe synth --rows 1000000 --checks --out /tmp/synth1m
        survey-pipe run /tmp/synth1m/pipeline-checks.yml

      With --kind health-workforce, N is the number of health workers in a
      registry (fictional, Moldova), and DIR gets:
        registry.csv          one row per worker and year registered, 2023-2025
                              (about 2.7 rows a worker): ISCO-08 profession,
                              sex, birth year, countries of birth and
                              training, region, ownership, activity status,
                              exit reason and year, certificate of good
                              standing requested
        population.csv        population by region and year (scaled to N)
        intention-survey.csv  a survey of the workers practising in 2025,
                              stratified by profession x region (a quarter of
                              each stratum, at most about 3,000 selected),
                              20% nonresponse
        registry-margins.csv  the registry's counts of practising workers by
                              profession, region and sex
        codebook-registry.yml, codebook-survey.yml
        pipeline-registry.yml the registry as a census with the NHWA
                              indicators (writing to out-registry alone)
        pipeline-survey.yml   the survey calibrated to the registry's counts
                              (writing to out-intentions alone)
        pipeline.yml          both parts in order, writing to out/registry
                              and out/intentions

        survey-pipe synth --kind health-workforce --rows 40000 --out /tmp/hw
        survey-pipe run /tmp/hw/pipeline.yml
      """
  )

  /// What to generate.
  enum Kind: String, ExpressibleByArgument, CaseIterable {
    case migrantHealth = "migrant-health"
    case healthWorkforce = "health-workforce"
  }

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Sampled adults (data rows) to write, 1 or more; with --kind health-workforce, health workers in the registry.",
      valueName: "N"))
  var rows: Int

  @Option(name: .long, help: "What to generate: migrant-health (a household survey) or health-workforce (a registry and a survey).")
  var kind: Kind = .migrantHealth

  @Option(name: .long, help: ArgumentHelp("Seed of the random draws (0 to 2^64-1).", valueName: "S"))
  var seed: UInt64 = 1

  @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "DIR"))
  var out: String

  @Flag(name: .long, help: "Also write pipeline-checks.yml: the pipeline with the field-quality checks.")
  var checks = false

  func validate() throws {
    guard !out.isEmpty else { throw ValidationError("--out needs a folder name") }
    guard rows >= 1 else { throw ValidationError("--rows must be 1 or more") }
    if checks, kind == .healthWorkforce { throw ValidationError("--checks is for --kind migrant-health") }
  }

  func run() throws {
    if kind == .healthWorkforce {
      let summary = try SyntheticHealthWorkforce(workers: rows, seed: seed).write(to: out)
      Self.note(
        "synth: wrote a registry of \(summary.workers) health workers (\(summary.registryRows) rows) and a survey of "
          + "\(summary.surveyRows) respondents from \(summary.frame) practising in 2025: \(out)")
      return
    }
    let survey = try SyntheticSurvey(rows: rows, seed: seed)
    let stepRows = 1_000_000
    let summary = try survey.write(to: out, checks: checks, progressEvery: stepRows) { progress in
      guard progress.totalRows > stepRows else { return }
      Self.note(
        "synth: \(progress.rows) of \(progress.totalRows) rows, "
          + "\(Self.fixed(progress.seconds, 1)) s, \(Self.rate(progress.rowsPerSecond)) rows/s")
    }
    Self.note(
      "synth: wrote \(summary.rows) rows (\(summary.bytes) bytes, \(summary.psuCount) PSUs, "
        + "population \(summary.populationTotal)) in \(Self.fixed(summary.seconds, 2)) s, "
        + "\(Self.rate(summary.rowsPerSecond)) rows/s: \(summary.surveyPath)")
  }

  private static func note(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  /// `value` with `digits` decimals, without Foundation's locale-dependent formatting.
  private static func fixed(_ value: Double, _ digits: Int) -> String {
    var factor = 1.0
    for _ in 0..<digits { factor *= 10 }
    let scaled = Int((value * factor).rounded())
    let whole = scaled / Int(factor)
    let fraction = String(scaled % Int(factor))
    return digits == 0 ? "\(whole)" : "\(whole)." + String(repeating: "0", count: digits - fraction.count) + fraction
  }

  /// A rate such as `2.41M` or `830k`.
  private static func rate(_ value: Double) -> String {
    value >= 1e6 ? fixed(value / 1e6, 2) + "M" : (value >= 1e3 ? fixed(value / 1e3, 0) + "k" : fixed(value, 0))
  }
}
