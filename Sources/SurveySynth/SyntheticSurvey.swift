/// A deterministic synthetic survey of adults (18+) in Moldova, current, returned and
/// never-migrants, following the Moldova migrant-health codebook: a two-stage sample (strata =
/// region × urban/rural, PSUs = enumeration areas of ~20 interviews) with design weights, fpcs,
/// ~12% nonresponse and realistic answers.
///
/// ```swift
/// let survey = try SyntheticSurvey(rows: 100_000, seed: 1)
/// let summary = try survey.write(to: "/tmp/synth")
/// ```
///
/// The same rows and seed give byte-identical files on every platform. Row *i* is drawn from its
/// own random stream: surveys of different sizes share their first rows (apart from
/// `design_weight` and `fpc`, which follow the sample size), as long as the PSU size is the same
/// (20 from 400 rows to 8 million).
public struct SyntheticSurvey: Sendable {
  /// The data file's name in the output folder.
  public static let surveyFile = "survey.csv"
  /// The codebook's name in the output folder.
  public static let codebookFile = "codebook.yml"
  /// The population margins' name in the output folder.
  public static let marginsFile = "margins.csv"
  /// The pipeline's name in the output folder.
  public static let pipelineFile = "pipeline.yml"
  /// The pipeline with a `checks:` section, written only when asked (`synth --checks`).
  public static let checksPipelineFile = "pipeline-checks.yml"
  /// The pipeline with the migrant-health indicators: 20 tables (quantiles, differences between
  /// rounds, tests of association), writing to `out-indicators`.
  public static let indicatorsPipelineFile = "pipeline-indicators.yml"

  /// Data rows (sampled adults).
  public let rows: Int
  /// The seed of every random draw.
  public let seed: UInt64
  let design: SampleDesign

  /// Plans a survey of `rows` sampled adults.
  ///
  /// - Throws: ``SynthError/invalidRowCount(_:)`` when `rows` is below 1.
  public init(rows: Int, seed: UInt64 = 1) throws {
    guard rows >= 1 else { throw SynthError.invalidRowCount(rows) }
    self.rows = rows
    self.seed = seed
    design = SampleDesign(rows: rows, seed: seed)
  }

  /// Adults in the synthetic population: about 2.0 million (see ``SampleDesign`` for when it
  /// is scaled).
  public var populationTotal: Int { design.populationTotal }

  /// PSUs in the sample.
  public var psuCount: Int { design.psuCount }

  /// The `margins.csv` text: population totals by sex, region and age group.
  public var marginsCSV: String { PopulationMargins(strata: design.strata).csv }

  /// The `pipeline.yml` text.
  public var pipelineYAML: String { PipelineTemplate.yaml(rows: rows, seed: seed) }

  /// The `pipeline-checks.yml` text: `pipeline.yml` with the field-quality checks the synthetic
  /// columns allow, writing to `out-checks`.
  public var checksPipelineYAML: String { PipelineTemplate.yaml(rows: rows, seed: seed, checks: true) }

  /// The `pipeline-indicators.yml` text: `pipeline.yml` with ten more tables, the survey's
  /// migrant-health indicators.
  public var indicatorsPipelineYAML: String { PipelineTemplate.yaml(rows: rows, seed: seed, indicators: true) }

  /// Writes `survey.csv`, `codebook.yml`, `margins.csv`, `pipeline.yml` and
  /// `pipeline-indicators.yml` into `directory`
  /// (created if missing; existing files of those names are replaced).
  ///
  /// - Parameters:
  ///   - directory: the output folder.
  ///   - checks: also write `pipeline-checks.yml` (the other files are the same either way).
  ///   - progressEvery: rows between calls of `progress`.
  ///   - progress: called after every `progressEvery` rows of `survey.csv`.
  /// - Throws: ``SynthError`` when the folder or a file cannot be written.
  @discardableResult
  public func write(
    to directory: String, checks: Bool = false, progressEvery: Int = 1_000_000, progress: ((SynthProgress) -> Void)? = nil
  ) throws -> SynthSummary {
    let clock = ContinuousClock()
    let start = clock.now
    func elapsed() -> Double {
      let duration = clock.now - start
      return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
    try OutputDirectory.prepare(directory)
    let folder = directory.hasSuffix("/") ? directory : directory + "/"

    let surveyPath = folder + Self.surveyFile
    let survey = try OutputFile(path: surveyPath)
    try writeRows(to: survey, progressEvery: max(1, progressEvery)) { rowsDone in
      progress?(SynthProgress(rows: rowsDone, totalRows: rows, seconds: elapsed()))
    }
    var texts = [
      (Self.codebookFile, MoldovaCodebook.yaml), (Self.marginsFile, marginsCSV), (Self.pipelineFile, pipelineYAML),
      (Self.indicatorsPipelineFile, indicatorsPipelineYAML),
    ]
    if checks { texts.append((Self.checksPipelineFile, checksPipelineYAML)) }
    for (name, text) in texts {
      let file = try OutputFile(path: folder + name, capacity: 1 << 16)
      try file.append(text: text)
      try file.commit()
    }
    let bytes = try survey.commit()
    return SynthSummary(
      directory: directory, surveyPath: surveyPath, rows: rows, bytes: bytes, seconds: elapsed(),
      populationTotal: populationTotal, psuCount: psuCount,
      files: [Self.surveyFile] + texts.map(\.0))
  }

  /// Streams the header and every row into `file`, PSU by PSU.
  func writeRows(to file: OutputFile, progressEvery: Int, progress: (Int) -> Void) throws {
    try file.append(text: SurveyRowWriter.header)
    let generator = RespondentGenerator(seed: seed)
    var writer = SurveyRowWriter()
    var psus = design.psus()
    var nextReport = progressEvery
    while let psu = psus.next() {
      writer.begin(psu, design: design.strata[psu.stratum])
      for row in psu.firstRow..<(psu.firstRow + psu.size) {
        try file.reserve(SurveyRowWriter.maximumRowBytes)
        writer.append(generator.respondent(row: row, in: psu), row: row, to: file)
        if row + 1 == nextReport {
          progress(row + 1)
          nextReport += progressEvery
        }
      }
    }
  }
}
