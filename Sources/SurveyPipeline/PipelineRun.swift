import Foundation
import SurveyClean
import SurveyCore
import SurveyIngest
import SurveyValidate

/// Runs a pipeline's stages in order and writes the run folder: the wiring of the driver, as a
/// library so that the command line, tests and benchmarks run the very same code.
public struct PipelineRun {
  /// The tool version written to `run.json`.
  public static let version = "0.1.0"

  public let pipeline: Pipeline
  public let codebook: Codebook
  public let outputPath: String
  public let progress: ProgressLog

  /// - Parameters:
  ///   - outputPath: the run folder (the pipeline's `output`, or a `--out` override).
  ///   - progress: where progress lines go.
  public init(pipeline: Pipeline, codebook: Codebook, outputPath: String, progress: ProgressLog) {
    self.pipeline = pipeline
    self.codebook = codebook
    self.outputPath = outputPath
    self.progress = progress
  }

  /// Loads and cross-checks the pipeline and its codebook (no data read).
  ///
  /// - Throws: ``SurveyCore/CoreError`` naming the file, line and key of the first problem.
  public static func load(_ path: String) throws -> (Pipeline, Codebook) {
    let pipeline = try Pipeline.load(path: path)
    let codebook: Codebook
    do {
      codebook = try Codebook.load(path: pipeline.codebookPath)
    } catch CoreError.unreadableFile(let file, let reason) {
      throw CoreError.invalidValue(
        file: pipeline.file, line: pipeline.keyLines["codebook"], key: "codebook", problem: "cannot read \(file): \(reason)")
    }
    try pipeline.check(against: codebook)
    if let decisions = pipeline.clean.decisionsPath, !FileManager.default.fileExists(atPath: decisions) {
      throw CoreError.invalidValue(
        file: pipeline.file, line: pipeline.keyLines["clean.decisions"], key: "clean.decisions",
        problem: "cannot read \(decisions): no such file")
    }
    if let weighting = pipeline.weighting {
      let steps: [(String, String?)] = [
        ("poststratify", weighting.postStratify?.margins), ("rake", weighting.rake?.margins),
        ("calibrate", weighting.calibrate?.margins),
      ]
      for case (let step, let path?) in steps where !FileManager.default.fileExists(atPath: path) {
        let key = "weighting.\(step).margins"
        throw CoreError.invalidValue(
          file: pipeline.file, line: pipeline.keyLines[key] ?? weighting.line, key: key, problem: "cannot read \(path): no such file")
      }
      try pipeline.checkMargins(try MarginsReader.read(weighting, options: pipeline.read), against: codebook)
    }
    return (pipeline, codebook)
  }

  /// Everything a run produced, for the summary and the gate.
  public struct Outcome: Sendable {
    public var log: ValidationLog
    public var rawRecords: Int
    public var tidyRecords: Int
    public var droppedRecords: Int
    public var changes: Int
    public var tables: [String]
    public var outputPath: String
  }

  /// Runs ingest, validate, clean, weight and tabulate, then writes the run folder as a whole.
  ///
  /// - Throws: ``SurveyCore/CoreError``, ``SurveyIngest/IngestError`` and the other stages'
  ///   errors when the run cannot go on; ``PipelineError`` when an invariant breaks.
  public func execute() throws -> Outcome {
    let started = Date()
    var manifest = RunManifest(pipeline: pipeline, codebook: codebook, started: started)
    try OutputFolder.checkKind(of: outputPath)
    let sources = try Ingest.sources(for: pipeline)
    let configuration = [pipeline.file, pipeline.codebookPath, pipeline.clean.decisionsPath].compactMap({ $0 })
    for path in sources.map(\.path) + configuration + (pipeline.weighting?.marginsFiles ?? [])
    where OutputFolder.folder(outputPath, contains: path) {
      throw CoreError.invalidValue(
        file: pipeline.file, line: nil, key: "output",
        problem: "the output folder \(outputPath) holds the input \(path); runs replace the output folder, so choose another")
    }
    let folder = try OutputFolder(path: outputPath, layout: RunFolderLayout.owns, notify: progress.notice)

    // Ingest.
    progress.note("ingest", "reading \(sources.count) batch file\(sources.count == 1 ? "" : "s")")
    let (ingest, ingestSeconds) = try progress.time(
      "ingest",
      {
        try Ingest.read(sources, schema: IngestSchema(codebook: codebook)) { batch in
          progress.note(
            "ingest",
            "\(batch.name): \(batch.records) records, \(batch.encoding.rawValue) (\(batch.encodingSource.rawValue)), delimiter \(ReadOptions.delimiterName(batch.delimiter))"
          )
        }
      },
      message: {
        "\($0.table.rowCount) records from \($0.batches.count) batch\($0.batches.count == 1 ? "" : "es"), \($0.findings.count) file finding\($0.findings.count == 1 ? "" : "s")"
      })
    manifest.inputs = ingest.batches
    manifest.stage("ingest", rowsIn: ingest.table.rowCount, rowsOut: ingest.table.rowCount, seconds: ingestSeconds)

    // Validate.
    let (validation, validateSeconds) = try progress.time(
      "validate", { try Validate.run(ingest.table, codebook: codebook, checks: pipeline.checks) },
      message: { "\($0.count) findings" })
    manifest.stage("validate", rowsIn: ingest.table.rowCount, rowsOut: ingest.table.rowCount, seconds: validateSeconds)

    // Clean.
    let decisions = try pipeline.clean.decisionsPath.map { path -> DecisionsFile in
      let file = try readDecisions(path)
      manifest.decisions = file.report
      return file.decisions
    }
    let (cleaned, cleanSeconds) = progress.time(
      "clean",
      {
        Clean.run(
          ingest.table, codebook: codebook, findings: validation, policy: pipeline.clean, decisions: decisions,
          designColumns: pipeline.design?.columns ?? [])
      },
      message: { "\($0.table.rowCount) records kept, \($0.droppedRecords) dropped, \($0.changes.count) changes" })
    manifest.stage("clean", rowsIn: cleaned.rawRecords, rowsOut: cleaned.table.rowCount, seconds: cleanSeconds)
    guard cleaned.rawRecords == cleaned.table.rowCount + cleaned.droppedRecords,
      cleaned.rawRecords == ingest.batches.reduce(0, { $0 + $1.records })
    else {
      throw PipelineError.rowsNotConserved(
        raw: cleaned.rawRecords, tidy: cleaned.table.rowCount, dropped: cleaned.droppedRecords)
    }

    // Weight and tabulate.
    let analysis = PipelineAnalysis(
      pipeline: pipeline, codebook: pipeline.outputCodebook(codebook), table: cleaned.table, progress: progress)
    let weighting = try analysis.weigh(manifest: &manifest)
    let tables = try analysis.tabulate(weighting: weighting, manifest: &manifest)

    let found = Validate.attributeEnumerators(ingest.findings, table: ingest.table, checks: pipeline.checks) + validation
    let findings = cleaned.resolve(found) + cleaned.findings + (weighting?.findings ?? [])
    let log = ValidationLog(
      findings: findings,
      enumerators: Validate.enumeratorSummaries(
        table: ingest.table, codebook: codebook, checks: pipeline.checks, findings: findings),
      rawRecords: rawRecords(of: findings, table: ingest.table, sources: sources, batches: ingest.batches),
      showsEnumerator: pipeline.checks?.enumerator != nil)
    manifest.records = (cleaned.rawRecords, cleaned.table.rowCount, cleaned.droppedRecords)
    manifest.findings = log.counts
    manifest.unresolved = log.unresolvedCounts

    // Write the run folder.
    let (_, writeSeconds) = try progress.time(
      "write",
      {
        try folder.write("validation.csv", text: log.csv())
        try folder.write("validation.jsonl", text: log.jsonLines())
        try folder.write("validation.html", text: log.html(title: pipeline.name))
        try folder.write("cleaning-log.csv", text: CleaningLog.csv(cleaned.changes))
        try writeTidy(cleaned, weights: weighting?.weights, to: folder)
        if let weighting { try folder.write("weights.json", text: weighting.diagnostics.json()) }
        for table in tables.files { try folder.write("tables/\(table.name).csv", text: table.csv) }
        if !tables.files.isEmpty { try folder.write("tables.md", text: tables.markdown) }
      }, message: { _ in "run folder \(outputPath)" })
    manifest.stage("write", rowsIn: cleaned.table.rowCount, rowsOut: cleaned.table.rowCount, seconds: writeSeconds)
    try folder.write("run.json", text: manifest.json(finished: Date()))
    try folder.commit()
    return Outcome(
      log: log, rawRecords: cleaned.rawRecords, tidyRecords: cleaned.table.rowCount,
      droppedRecords: cleaned.droppedRecords, changes: cleaned.changes.count, tables: tables.files.map(\.name),
      outputPath: outputPath)
  }

  /// Reads the reviewer's decisions file (through libcsv, like every CSV).
  func readDecisions(_ path: String) throws -> (decisions: DecisionsFile, report: BatchReport) {
    // A reviewer's comment may run over several lines; no other cell of the file may.
    let fields = DecisionsFile.columns.map { IngestField(name: $0, type: .text, lineBreaks: $0 == "comment") }
    let source = BatchSource(path: path, name: Ingest.fileName(path), read: ReadOptions())
    let result = try Ingest.read(
      [source], schema: IngestSchema(fields: fields, reportsUnknownColumns: false, missingColumnIsFatal: true))
    var file = DecisionsFile(table: result.table, name: source.name)
    // Problems reading the decisions file mean decisions not applied: warnings, listed last.
    let readProblems = result.findings.map { finding -> Finding in
      var finding = finding
      finding.batchIndex = nil
      finding.row = nil
      if finding.severity == .error { finding.severity = .warning }
      return finding
    }
    file.findings = readProblems + file.findings
    return (file, result.batches[0])
  }

  /// `tidy/survey.csv` and `tidy/datapackage.json`: every non-personal variable (the codebook's,
  /// then those the pipeline's recodes and derives add), then the weight.
  func writeTidy(_ cleaned: CleanResult, weights: [Double]?, to folder: OutputFolder) throws {
    let table = cleaned.table
    let variables = pipeline.outputCodebook(codebook).variables.filter { !$0.pii }
    let weightName = Self.weightColumnName(codebook)
    let extra = weights.map { [(name: weightName, values: $0)] } ?? []
    let csv = TidyCSV(table: table, columns: variables.map(\.name), extra: extra)
    try folder.write("tidy/survey.csv", chunks: csv.chunks())
    let description = "final survey weight (design weight after the weighting steps in weights.json)"
    try folder.write(
      "tidy/datapackage.json",
      text: DataPackage.json(
        name: codebook.survey, resourcePath: "survey.csv", variables: variables,
        extra: weights == nil ? [] : [(weightName, description)], rows: table.rowCount,
        constrainedVariables: constrainedVariables(cleaned),
        uniqueVariables: pipeline.clean.duplicates == .keep ? [] : [codebook.idVariable],
        textVariables: DataPackage.keptTextVariables(in: table, variables: variables)))
  }

  /// The variables whose codes and ranges hold for every tidy value: all of them when cleaning
  /// blanks invalid values, but those where a reviewer accepted an exception; none under `keep`.
  func constrainedVariables(_ cleaned: CleanResult) -> Set<String> {
    guard pipeline.clean.invalid != .keep else { return [] }
    let accepted = cleaned.resolutions.filter { $0.action == .accept }.compactMap(\.variable)
    return Set(pipeline.outputCodebook(codebook).variables.map(\.name)).subtracting(accepted)
  }

  /// `weight`, or `final_weight` when the codebook already has a variable called `weight`.
  static func weightColumnName(_ codebook: Codebook) -> String {
    codebook.variable(named: "weight") == nil ? "weight" : "final_weight"
  }
}
