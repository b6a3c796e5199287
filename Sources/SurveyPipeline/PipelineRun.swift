import Foundation
import SurveyClean
import SurveyCore
import SurveyIngest
import SurveyValidate
import SurveyXLSForm

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
  /// The codebook of a pipeline whose `codebook` is an XLSForm, translated as `survey-pipe
  /// codebook` does it; what cannot be translated is printed as warnings on standard error.
  static func formCodebook(_ pipeline: Pipeline, _ options: CodebookOptions) throws -> Codebook {
    let path = pipeline.codebookPath
    do {
      let translation = try XLSFormTranslation(
        path: path, id: options.id, missingCodes: options.missingCodes, language: options.language)
      for report in translation.reports {
        FileHandle.standardError.write(Data("warning: \(path): \(report)\n".utf8))
      }
      var codebook = try Codebook.parse(yaml: translation.yaml(form: (path as NSString).lastPathComponent), file: path)
      codebook.sha256 = RunManifest.fileHash(path)
      return codebook
    } catch let error as XLSXError {
      throw CoreError.invalidValue(
        file: pipeline.file, line: pipeline.keyLines["codebook"], key: "codebook", problem: error.localizedDescription)
    } catch let error as XLSFormError {
      throw CoreError.invalidValue(
        file: pipeline.file, line: pipeline.keyLines["codebook"], key: "codebook", problem: error.localizedDescription)
    }
  }

  /// With an input read with labels (`read: {values: labels}`), no two codes of a question may
  /// share a label: refused when the pipeline is loaded (so `check` says it), naming the input's
  /// line.
  static func checkLabelledReads(_ pipeline: Pipeline, _ codebook: Codebook) throws {
    guard let input = pipeline.inputs.first(where: { $0.read.values == .labels }),
      let shared = IngestSchema(codebook: codebook).sharedLabel()
    else { return }
    throw CoreError.invalidValue(
      file: pipeline.file, line: pipeline.read.values == .labels ? pipeline.keyLines["read"] : input.line,
      key: "read.values",
      problem: "labels are read back to codes, but codes '\(shared.first)' and '\(shared.second)' of "
        + "'\(shared.variable)' share the label '\(shared.label)'; give them distinct labels in the codebook")
  }

  public static func load(_ path: String) throws -> (Pipeline, Codebook) {
    let pipeline = try Pipeline.load(path: path)
    let codebook: Codebook
    do {
      codebook = try pipeline.codebookOptions.map { try formCodebook(pipeline, $0) } ?? Codebook.load(path: pipeline.codebookPath)
    } catch CoreError.unreadableFile(let file, let reason) {
      throw CoreError.invalidValue(
        file: pipeline.file, line: pipeline.keyLines["codebook"], key: "codebook", problem: "cannot read \(file): \(reason)")
    }
    try pipeline.check(against: codebook)
    try checkExports(pipeline, codebook)
    try checkLabelledReads(pipeline, codebook)
    if let decisions = pipeline.clean.decisionsPath, !FileManager.default.fileExists(atPath: decisions) {
      throw CoreError.invalidValue(
        file: pipeline.file, line: pipeline.keyLines["clean.decisions"], key: "clean.decisions",
        problem: "cannot read \(decisions): no such file")
    }
    try checkPopulations(pipeline, codebook: codebook)
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
    /// Why the run failed (`weighting-failed` and `table-failed` findings), empty when it did not.
    public var failures: [Finding] = []
  }

  /// The stage artifacts of this run's folder.
  func stageArtifacts() -> StageArtifacts {
    StageArtifacts(folder: StageFolder(outputPath: outputPath), pipeline: pipeline, codebook: codebook, progress: progress)
  }

  /// Runs ingest, validate, clean, weight and tabulate, leaving each stage's artifact in the
  /// stages folder (docs/stages.md; they are written in the background while the next stage
  /// runs), then writes the run folder as a whole.
  ///
  /// A design or estimation problem does not stop the run: it becomes a finding, the run folder
  /// is written with everything else, and ``Outcome/failures`` says the run failed.
  /// - Throws: ``SurveyCore/CoreError``, ``SurveyIngest/IngestError`` and the other stages'
  ///   errors when the run cannot go on; ``PipelineError`` when an invariant breaks.
  public func execute() throws -> Outcome {
    let started = Date()
    let folder = try openRunFolder()
    let artifacts = stageArtifacts()
    let ingest = try ingest()
    artifacts.save(.ingest, inputs: ingestInputs(ingest)) { ingest.write(to: &$0) }
    let validation = try validate(ingest)
    artifacts.save(.validate, base: .ingest) { validation.write(to: &$0) }
    let clean = try clean(ingest, validation)
    artifacts.save(.clean, inputs: decisionsInputs(clean), base: .validate) { clean.write(to: &$0) }
    let weighting = try weigh(clean)
    artifacts.save(.weight, inputs: marginsInputs(weighting), base: .clean) { weighting.write(to: &$0) }
    let tables = tabulate(clean.cleaned.table, weighting: weighting)
    try artifacts.wait()
    return try publish(clean, weighting, tables, to: folder, started: started)
  }

  /// What one stage run on its own produced.
  public struct StageOutcome: Sendable {
    public var stage: Stage
    /// The artifact written (nil for tabulate).
    public var artifact: String?
    /// One line for the user.
    public var summary: String
    /// What the run folder holds, after tabulate.
    public var run: Outcome?
  }

  /// Runs `stage` alone: reads the artifacts of the stages before it from the stages folder
  /// and writes its own; `tabulate` writes the run folder, the same as ``execute()`` writes.
  ///
  /// - Throws: as ``execute()``, and ``PipelineError/missingArtifact(path:stage:)``,
  ///   ``PipelineError/staleArtifact(artifact:input:stage:)``,
  ///   ``PipelineError/artifactOutOfDate(artifact:base:stage:)`` or a ``SurveyCore/CoreError``
  ///   about a damaged artifact, when the artifacts it needs cannot be used.
  public func execute(only stage: Stage) throws -> StageOutcome {
    // The run folder's lock: no run or other stage of this folder reads or writes the
    // artifacts meanwhile (tabulate takes it with the run folder).
    let lock = stage == .tabulate ? nil : try OutputFolder.Lock(path: outputPath, notify: progress.notice)
    defer { withExtendedLifetime(lock) {} }
    let artifacts = stageArtifacts()
    let path = StageFolder(outputPath: outputPath).artifact(stage)
    let summary: String
    switch stage {
    case .ingest:
      try checkInputsOutside()
      let ingest = try ingest()
      artifacts.save(.ingest, inputs: ingestInputs(ingest)) { ingest.write(to: &$0) }
      summary = "\(ingest.result.table.rowCount) records read"
    case .validate:
      let ingest = try artifacts.decode(try artifacts.load(.ingest), IngestStage.init(reading:))
      let validation = try validate(ingest)
      artifacts.save(.validate, base: .ingest) { validation.write(to: &$0) }
      summary = "\(validation.findings.count) findings"
    case .clean:
      let ingest = try artifacts.decode(try artifacts.load(.ingest), IngestStage.init(reading:))
      let validation = try artifacts.decode(try artifacts.load(.validate, base: .ingest), ValidateStage.init(reading:))
      let clean = try clean(ingest, validation)
      artifacts.save(.clean, inputs: decisionsInputs(clean), base: .validate) { clean.write(to: &$0) }
      let cleaned = clean.cleaned
      summary = "\(cleaned.table.rowCount) records kept, \(cleaned.droppedRecords) dropped, \(cleaned.changes.count) changes"
    case .weight:
      let clean = try artifacts.decode(try artifacts.load(.clean), CleanStage.init(reading:))
      let weighting = try weigh(clean)
      artifacts.save(.weight, inputs: marginsInputs(weighting), base: .clean) { weighting.write(to: &$0) }
      summary =
        weighting.failure?.message ?? (weighting.design == nil ? "no design" : "weights of \(clean.cleaned.table.rowCount) records")
    case .tabulate:
      let started = Date()
      let folder = try openRunFolder()
      let clean = try artifacts.decode(try artifacts.load(.clean), CleanStage.init(reading:))
      let table = clean.cleaned.table
      let weighting = try artifacts.decode(try artifacts.load(.weight, base: .clean)) {
        (reader: inout ArtifactReader) throws(CoreError) in
        try WeightStage(reading: &reader, table: table, spec: pipeline.design)
      }
      let tables = tabulate(table, weighting: weighting)
      let outcome = try publish(clean, weighting, tables, to: folder, started: started)
      return StageOutcome(stage: stage, artifact: nil, summary: "run folder \(outputPath)", run: outcome)
    }
    try artifacts.wait()
    return StageOutcome(stage: stage, artifact: path, summary: summary)
  }

  func ingestInputs(_ ingest: IngestStage) -> [ArtifactInput] {
    StageInputs.configuration(pipeline, codebook) + StageInputs.batches(ingest.result.batches)
  }

  /// The decisions file, by the hash of the bytes read.
  func decisionsInputs(_ clean: CleanStage) -> [ArtifactInput] {
    clean.decisions.map { [ArtifactInput(role: "decisions", path: $0.path, sha256: $0.sha256)] } ?? []
  }

  /// The margins files the weighting read.
  func marginsInputs(_ weighting: WeightStage) -> [ArtifactInput] {
    weighting.margins.map { ArtifactInput(role: "margins", path: $0.path, sha256: $0.sha256 ?? RunManifest.fileHash($0.path) ?? "") }
  }

  /// Refuses an output or stages folder that holds an input (runs replace them).
  func checkInputsOutside() throws {
    let sources = try Ingest.sources(for: pipeline)
    let configuration = [pipeline.file, pipeline.codebookPath, pipeline.clean.decisionsPath].compactMap({ $0 })
    for folder in [outputPath, StageFolder(outputPath: outputPath).path] {
      for path in sources.map(\.path) + configuration + (pipeline.weighting?.marginsFiles ?? [])
        + pipeline.populationFiles
      where OutputFolder.folder(folder, contains: path) {
        throw CoreError.invalidValue(
          file: pipeline.file, line: nil, key: "output",
          problem: "the output folder \(folder) holds the input \(path); runs replace the output folder, so choose another")
      }
    }
  }

  /// Checks the run folder's path and takes it (its lock, its staging folder).
  func openRunFolder() throws -> OutputFolder {
    try OutputFolder.checkKind(of: outputPath)
    try checkInputsOutside()
    return try OutputFolder(path: outputPath, layout: RunFolderLayout.owns, notify: progress.notice)
  }

  /// Reads the reviewer's decisions file (through libcsv, like every CSV).
  func readDecisions(_ path: String) throws -> (decisions: DecisionsFile, report: BatchReport) {
    // A reviewer's comment may run over several lines; no other cell of the file may.
    var fields = DecisionsFile.columns.map { IngestField(name: $0, type: .text, lineBreaks: $0 == "comment") }
    for name in DecisionsFile.optionalColumns {
      var field = IngestField(name: name, type: .text)
      field.mayBeAbsent = true
      fields.append(field)
    }
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
}
