import Foundation
import SurveyCore
import SurveyIngest
import SurveyDesign
import SurveyTabulate
import SurveyWeight

/// What the weight stage leaves for tabulation: the design with its final weights (the
/// sampling structure is rebuilt from the clean table; the weighting steps that change the
/// variance and the replicate weights are kept whole), `weights.json`, the weighting's findings and notes, the margins
/// files read, or the finding that says why weighting failed.
struct WeightStage: Sendable {
  /// The design, nil without a design or when weighting failed.
  var design: Design?
  /// `weights.json`, nil when there is no design or weighting failed.
  var diagnostics: String?
  /// Data problems found while weighting (small nonresponse classes, negative weights).
  var findings: [Finding]
  /// Why weighting failed (a `weighting-failed` error finding), if it did.
  var failure: Finding?
  /// The margins files read: path, and the SHA-256 and size of the bytes read (for `run.json`
  /// and for the artifact's inputs).
  var margins: [MarginsFile]
  var time: StageTime?

  func write(to writer: inout ArtifactWriter) {
    writer.bool(design != nil)
    if let design {
      writer.plain(design.weights)
      writer.int(design.adjustments.count)
      for adjustment in design.adjustments { adjustment.write(to: &writer) }
      writer.bool(design.replicates != nil)
      design.replicates?.write(to: &writer)
    }
    writer.string(diagnostics)
    writer.findings(findings)
    writer.findings(failure.map { [$0] } ?? [])
    writer.strings(margins.map(\.path))
    writer.optionalStrings(margins.map(\.sha256))
    writer.optionalStrings(margins.map { $0.bytes.map(String.init) })
    writer.bool(time != nil)
    time?.write(to: &writer)
  }

  init(
    design: Design? = nil, diagnostics: String? = nil, findings: [Finding] = [], failure: Finding? = nil,
    margins: [MarginsFile] = [], time: StageTime? = nil
  ) {
    self.design = design
    self.diagnostics = diagnostics
    self.findings = findings
    self.failure = failure
    self.margins = margins
    self.time = time
  }

  /// Reads the artifact of the weighting of `table` (the clean stage's table) under `spec`.
  init(reading reader: inout ArtifactReader, table: DataTable, spec: DesignSpec?) throws(CoreError) {
    if try reader.bool() {
      let weights: [Double] = try reader.plain()
      var adjustments: [VarianceAdjustment] = []
      for _ in 0..<(try reader.count()) { adjustments.append(try VarianceAdjustment(reading: &reader)) }
      guard let spec, weights.count == table.rowCount, let structure = try? SampleStructure(table: table, spec: spec) else {
        throw reader.corrupt("the design does not fit the clean table")
      }
      var made = Design(structure: structure, weights: weights, adjustments: adjustments)
      if try reader.bool() {
        let replicates = try ReplicateWeights(reading: &reader)
        guard replicates.unitOfRow.count == table.rowCount else { throw reader.corrupt("the replicate weights") }
        made.replicates = replicates
        made.variance = .replicates
      }
      design = made
    }
    diagnostics = try reader.optionalString()
    findings = try reader.findings()
    failure = try reader.findings().first
    let paths = try reader.strings()
    let hashes = try reader.optionalStrings()
    let sizes = try reader.optionalStrings()
    guard hashes.count == paths.count, sizes.count == paths.count else { throw reader.corrupt("the margins files") }
    margins = paths.indices.map { MarginsFile(path: paths[$0], sha256: hashes[$0], bytes: sizes[$0].flatMap { Int($0) }) }
    time = try reader.bool() ? try StageTime(reading: &reader) : nil
  }
}

/// A margins file the weight stage read.
struct MarginsFile: Sendable, Equatable {
  var path: String
  /// The SHA-256 and size of the bytes read (nil when not read from a file).
  var sha256: String?
  var bytes: Int?
}

extension PipelineRun {
  /// Weight: design weights and the weighting steps on the clean table. A design or weighting
  /// problem (a row without a stratum, a non-positive probability, raking that does not
  /// converge) becomes a `weighting-failed` finding, not an error: the logs and the tidy data
  /// are still written.
  ///
  /// - Throws: errors reading the margins files.
  func weigh(_ clean: CleanStage) throws -> WeightStage {
    guard let spec = pipeline.design else { return WeightStage() }
    let table = clean.cleaned.table
    let margins = try MarginsReader.read(pipeline.weighting, options: pipeline.read)
    let marginsFiles = (pipeline.weighting?.marginsFiles ?? []).map { path in
      MarginsFile(path: path, sha256: margins[path]?.sha256, bytes: margins[path]?.bytes)
    }
    let started = Date.now
    let result: WeightingResult
    do {
      result = try Weighting.run(table: table, spec: spec, weighting: pipeline.weighting, margins: margins)
    } catch let error as WeightError {
      let key = error.step.map { "weighting.\($0)" } ?? "weighting"
      var problem = error.localizedDescription
      if let step = error.step, problem.hasPrefix(step + ": ") { problem.removeFirst(step.count + 2) }
      let line = pipeline.keyLines[key] ?? pipeline.weighting?.line
      return weighingFailed("\(key): \(problem)", line: line, margins: marginsFiles)
    } catch let error as DesignError {
      return weighingFailed("design: \(error.localizedDescription)", line: spec.line, margins: marginsFiles)
    }
    let seconds = Date.now.timeIntervalSince(started)
    let steps = result.diagnostics.steps.map(\.step).joined(separator: ", ")
    progress.note(
      "weight",
      "\(result.diagnostics.count) weights, sum \(EstimateMarkdown.readable(result.diagnostics.sum)) (\(steps)) (\(String(format: "%.2f", seconds)) s)"
    )
    for note in result.notes { progress.note("weight", note) }
    return WeightStage(
      design: result.design, diagnostics: result.diagnostics.json(), findings: result.findings, margins: marginsFiles,
      time: StageTime(name: "weight", rowsIn: table.rowCount, rowsOut: table.rowCount, seconds: seconds))
  }

  private func weighingFailed(_ problem: String, line: Int?, margins: [MarginsFile]) -> WeightStage {
    progress.note("weight", "failed: \(problem)")
    let finding = Finding(
      severity: .error, rule: .weightingFailed, batch: Ingest.fileName(pipeline.file), line: line,
      message: "\(problem); the weighting failed, so no table was estimated")
    return WeightStage(failure: finding, margins: margins)
  }
}
