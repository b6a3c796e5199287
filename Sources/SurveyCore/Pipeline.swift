/// One input entry of a pipeline: a file or glob, with its own read options.
public struct InputSpec: Sendable, Equatable {
  /// The path or glob as written in the pipeline.
  public var pattern: String
  /// The pattern resolved against the pipeline's folder.
  public var resolvedPattern: String
  public var read: ReadOptions
  public var line: Int?

  public init(pattern: String, resolvedPattern: String, read: ReadOptions, line: Int? = nil) {
    self.pattern = pattern
    self.resolvedPattern = resolvedPattern
    self.read = read
    self.line = line
  }
}

/// What cleaning does with values that fail validation.
public enum InvalidPolicy: String, Sendable, CaseIterable {
  case setMissing = "set-missing"
  case dropRecord = "drop-record"
  case keep
}

/// What cleaning does with records that share an id.
public enum DuplicatePolicy: String, Sendable, CaseIterable {
  case keepFirst = "keep-first"
  case dropAll = "drop-all"
  case keep
}

/// The cleaning section of a pipeline.
public struct CleanPolicy: Sendable, Equatable {
  public var invalid: InvalidPolicy
  public var duplicates: DuplicatePolicy
  /// The reviewer's decisions file, resolved against the pipeline's folder.
  public var decisionsPath: String?

  public init(invalid: InvalidPolicy = .setMissing, duplicates: DuplicatePolicy = .keepFirst, decisionsPath: String? = nil) {
    self.invalid = invalid
    self.duplicates = duplicates
    self.decisionsPath = decisionsPath
  }
}

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
  public var tables: [TableSpec]
  /// Cells with fewer unweighted respondents than this are suppressed in tables.
  public var suppressBelow: Int?
  public var outputPath: String
  /// The line of some keys (`codebook`, `clean.decisions`), for messages about the files they name.
  public var keyLines: [String: Int] = [:]

  public init(
    name: String, file: String, codebookPath: String, inputs: [InputSpec], read: ReadOptions = ReadOptions(),
    clean: CleanPolicy = CleanPolicy(), design: DesignSpec? = nil, tables: [TableSpec] = [],
    suppressBelow: Int? = nil, outputPath: String
  ) {
    self.name = name
    self.file = file
    self.codebookPath = codebookPath
    self.inputs = inputs
    self.read = read
    self.clean = clean
    self.design = design
    self.tables = tables
    self.suppressBelow = suppressBelow
    self.outputPath = outputPath
  }
}
