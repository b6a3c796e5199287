/// A pipeline file: what to read, how to clean, weight and tabulate, and where to write.
public struct Pipeline: Sendable {
  public var name: String
  /// The pipeline file as named on the command line.
  public var file: String
  public var codebookPath: String
  public var inputs: [InputSpec]
  public var read: ReadOptions
  public var clean: CleanPolicy
  public var design: DesignSpec?
  /// Nonresponse adjustment, post-stratification, raking, calibration and trimming after the
  /// design weights (nil: the design weights are final).
  public var weighting: WeightingSpec?
  public var tables: [TableSpec]
  /// Cells with fewer unweighted respondents than this are suppressed in tables.
  public var suppressBelow: Int?
  /// Estimates whose coefficient of variation (SE / |estimate|) is above this are flagged as
  /// unreliable in tables (`cv_flag:`, default 0.3).
  public var cvFlag: Double = 0.3
  public var outputPath: String
  /// Field-quality checks (the `checks:` section), nil when the pipeline has none.
  public var checks: ChecksSpec?
  /// For a codebook given as an XLSForm (`codebook: form.xlsx`): how to translate it.
  public var codebookOptions: CodebookOptions?
  /// Labelled exports (`exports: [dta, sav, xlsx]`), in the order given: the tidy data for
  /// Stata and SPSS, the tables and the logs for Excel.
  public var exports: [String] = []
  /// The exports a pipeline may name.
  public static let exportFormats = ["dta", "sav", "xlsx"]
  /// The line of some keys (`codebook`, `clean.decisions`, `weighting.rake.margins`, …), for
  /// messages about the files they name.
  public var keyLines: [String: Int] = [:]
  /// The SHA-256 of the bytes the pipeline was parsed from (nil when built in code), for
  /// `run.json`: the file may change while a run reads its data.
  public var sha256: String?

  public init(
    name: String, file: String, codebookPath: String, inputs: [InputSpec], read: ReadOptions = ReadOptions(),
    clean: CleanPolicy = CleanPolicy(), design: DesignSpec? = nil, weighting: WeightingSpec? = nil,
    tables: [TableSpec] = [],
    suppressBelow: Int? = nil, outputPath: String
  ) {
    self.name = name
    self.file = file
    self.codebookPath = codebookPath
    self.inputs = inputs
    self.read = read
    self.clean = clean
    self.design = design
    self.weighting = weighting
    self.tables = tables
    self.suppressBelow = suppressBelow
    self.outputPath = outputPath
  }
}

/// How a pipeline's XLSForm becomes its codebook (`codebook_options:`), as
/// `survey-pipe codebook FORM.xlsx --id … --missing-codes … --language …` does it.
public struct CodebookOptions: Sendable, Equatable {
  /// The question (or export meta column) that identifies a record.
  public var id: String
  /// Survey-wide missing codes.
  public var missingCodes: [String]
  /// The label language (`label::LANGUAGE` column).
  public var language: String?

  public init(id: String, missingCodes: [String] = [], language: String? = nil) {
    self.id = id
    self.missingCodes = missingCodes
    self.language = language
  }
}
