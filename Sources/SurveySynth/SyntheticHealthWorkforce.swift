import SurveyCore

/// A deterministic synthetic health workforce of Moldova (fictional): a registry extract with one
/// row per worker and year (2023–2025), the population by region and year for densities, and an
/// intention-to-emigrate survey of the workers practising in 2025, stratified by profession ×
/// region, with the registry's counts to calibrate it to.
///
/// ```swift
/// let workforce = try SyntheticHealthWorkforce(workers: 600, seed: 1)
/// let summary = try workforce.write(to: "/tmp/hw")
/// ```
///
/// Worker *i* is drawn from its own random stream, so registries of different sizes share their
/// first workers; the same workers and seed give byte-identical files.
public struct SyntheticHealthWorkforce: Sendable {
  public static let registryFile = "registry.csv"
  public static let surveyFile = "intention-survey.csv"
  public static let populationFile = "population.csv"
  public static let marginsFile = "registry-margins.csv"
  public static let registryCodebookFile = "codebook-registry.yml"
  public static let surveyCodebookFile = "codebook-survey.yml"
  /// The pipeline that runs both parts (`parts:`), writing to `out/registry` and `out/intentions`.
  public static let pipelineFile = "pipeline.yml"
  public static let registryPipelineFile = "pipeline-registry.yml"
  public static let surveyPipelineFile = "pipeline-survey.yml"

  /// Health workers in the registry.
  public let workers: Int
  public let seed: UInt64
  /// The share of each profession × region stratum selected for the survey (at least 2 workers,
  /// all of a stratum of 1).
  public let sampleFraction: Double

  /// Plans a registry of `workers` health workers.
  ///
  /// - Throws: ``SynthError/invalidRowCount(_:)`` when `workers` is below 1.
  public init(workers: Int, seed: UInt64 = 1) throws {
    guard workers >= 1 else { throw SynthError.invalidRowCount(workers) }
    self.workers = workers
    self.seed = seed
    // About 3,000 selected workers at any size, a quarter of a small registry.
    sampleFraction = min(0.25, max(0.002, 3000 / (Double(workers) * 0.86)))
  }

  /// Every worker, in id order.
  func drawWorkers() -> [HealthWorker] {
    (1...workers).map { HealthWorker(id: $0, seed: seed) }
  }

  /// Writes the data, codebooks and pipelines into `directory` (created if missing).
  public func write(to directory: String) throws -> HealthWorkforceSummary {
    try OutputDirectory.prepare(directory)
    let folder = directory.hasSuffix("/") ? directory : directory + "/"
    let all = drawWorkers()
    let registry = HealthWorkforceRegistry(workers: all)
    let survey = IntentionSurvey(frame: all.filter(\.isSurveyed), fraction: sampleFraction, seed: seed)
    let texts = [
      (Self.registryFile, registry.csv), (Self.populationFile, PopulationFigures.csv(workers: workers)),
      (Self.marginsFile, survey.marginsCSV), (Self.surveyFile, survey.csv),
      (Self.registryCodebookFile, HealthWorkforceTexts.registryCodebook),
      (Self.surveyCodebookFile, HealthWorkforceTexts.surveyCodebook),
      (Self.registryPipelineFile, HealthWorkforceTexts.registryPipeline(name: "registry", folder: "", output: "out-registry")),
      (Self.surveyPipelineFile, HealthWorkforceTexts.surveyPipeline(name: "intentions", folder: "", output: "out-intentions")),
      (
        Self.pipelineFile,
        HealthWorkforceTexts.combinedPipeline(
          name: "health-workforce", parts: [Self.registryPipelineFile, Self.surveyPipelineFile], output: "out")
      ),
    ]
    for (name, text) in texts {
      let file = try OutputFile(path: folder + name, capacity: 1 << 16)
      try file.append(text: text)
      try file.commit()
    }
    return HealthWorkforceSummary(
      directory: directory, workers: workers, registryRows: registry.rowCount, surveyRows: survey.respondents.count,
      frame: survey.frame.count)
  }
}

/// What `synth --kind health-workforce` wrote.
public struct HealthWorkforceSummary: Sendable {
  public let directory: String
  public let workers: Int
  /// Rows of `registry.csv` (one per worker and year registered).
  public let registryRows: Int
  /// Respondents in `intention-survey.csv`.
  public let surveyRows: Int
  /// Workers practising in 2025: the survey's frame and the calibration's population.
  public let frame: Int
}

extension HealthWorker {
  /// In the survey's frame: practising and registered in 2025.
  var isSurveyed: Bool { activity == 1 && years.contains { $0.year == 2025 } }

  /// Age at the end of `year`.
  func age(in year: Int) -> Int { year - birthYear }
}
