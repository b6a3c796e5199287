import ArgumentParser
import Foundation
import SurveyPipeline

/// `survey-pipe weight DATA.csv`: the file back with its final weight as a last column.
struct Weight: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "weight",
    abstract: "Weight one CSV file: design weights, nonresponse, post-stratification, raking, calibration, trimming.",
    discussion: """
      Writes --out: every record of DATA.csv in input order with every column, each cell's text \
      as read (libcsv trims spaces around unquoted cells), with the input's delimiter, decimal \
      mark and byte-order mark, in UTF-8 with LF line ends, plus the final weight (column \
      `weight`, or --name). Nonrespondents after --nonresponse get weight 0; records whose \
      fields are all empty are skipped, as everywhere. --report writes the diagnostics \
      (weights.json): every step with its iterations, each population total with the weighted \
      total achieved, sum, min, max, CV, Kish design effect and effective n. The steps follow \
      R's survey package (postStratify, rake, calibrate, trimWeights): the same weights, row by \
      row. Margins files are read with the READ flags. Outputs are written whole or not at all, \
      never over an input.

      With a pipeline (`weight PIPELINE.yml [--out DIR]`) it runs the pipeline's weight stage \
      alone, from the clean stage's artifact (docs/stages.md).

      Examples:
        survey-pipe synth --rows 10000 --out /tmp/synth
        survey-pipe weight /tmp/synth/survey.csv --weight design_weight \\
          --strata stratum --psu psu --fpc fpc \\
          --nonresponse responded --classes region,urban \\
          --rake sex,region,age_group --margins /tmp/synth/margins.csv \\
          --trim-upper 3.5 --trim-relative-to median \\
          --out /tmp/synth/weighted.csv --report /tmp/synth/weights.json
        survey-pipe weight fixtures/r-reference/apiclus1.csv --weight pw --psu dnum \\
          --fpc fpc --calibrate logit --calibrate-vars stype,api99 --bounds 0.5,2.5 \\
          --margins fixtures/r-reference/api-margins.csv --out /tmp/apiclus1-weighted.csv
      """)

  @Argument(help: "The CSV file to weight (it is never modified).")
  var data: String

  @OptionGroup(title: "Read")
  var read: ReadFlags

  @OptionGroup(title: "Design")
  var design: DesignFlags

  @OptionGroup(title: "Calibration")
  var calibration: CalibrationFlags

  @Option(help: ArgumentHelp("The weighted CSV file to write (with a pipeline: the run folder).", valueName: "file"))
  var out: String?

  @Flag(help: "With a pipeline: print no progress lines on standard error.")
  var quiet = false

  /// `weight PIPELINE.yml`: the pipeline's weight stage, from its clean artifact.
  var isPipeline: Bool { data.hasSuffix(".yml") || data.hasSuffix(".yaml") }

  @Option(help: ArgumentHelp("Also write the weighting diagnostics (JSON) here.", valueName: "file"))
  var report: String?

  @Option(help: ArgumentHelp("The name of the weight column.", valueName: "column"))
  var name: String = "weight"

  func validate() throws {
    guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--name needs a column name") }
    if isPipeline {
      let adHoc = design.weight != nil || design.prob != nil || design.strata != nil || !design.psu.isEmpty || !design.fpc.isEmpty
        || calibration.nonresponse != nil || !calibration.poststratify.isEmpty || !calibration.rake.isEmpty
        || calibration.calibrate != nil || calibration.trimLower != nil || calibration.trimUpper != nil
        || !calibration.marginsFiles.isEmpty || report != nil || name != "weight"
      if adHoc {
        throw ValidationError(
          "\(data) is a pipeline: `weight PIPELINE.yml` runs its weight stage as the pipeline says; the DESIGN and CALIBRATION flags, --report and --name are for a CSV file")
      }
    } else if out == nil {
      throw ValidationError("give the weighted file to write with --out")
    }
  }

  func run() throws {
    if isPipeline {
      try StageFlags.run(.weight, pipeline: data, out: out, quiet: quiet)
      return
    }
    guard let out else { return }
    let weight = AdHocWeight(
      data: data, read: try read.options(), design: try design.spec(), weighting: try calibration.spec(), name: name,
      output: out, report: report)
    let outcome = try weight.execute()
    for note in outcome.notes { FileHandle.standardError.write(Data((note + "\n").utf8)) }
    let diagnostics = outcome.diagnostics
    let steps = diagnostics.steps.map(\.step).joined(separator: ", ")
    let summary =
      "weight: \(outcome.rows) rows (\(diagnostics.zeros) with weight 0), sum \(Self.number(diagnostics.sum)), "
      + "Kish deff \(diagnostics.kishDeff.map(Self.number) ?? "-"), steps: \(steps); wrote \(out)"
      + (report.map { " and \($0)" } ?? "")
    FileHandle.standardError.write(Data((summary + "\n").utf8))
  }

  private static func number(_ value: Double) -> String { String(format: "%.6g", value) }
}
