import SurveyClean
import SurveyCore
import SurveyIngest
import SurveyValidate

/// What the clean stage leaves for weighting and tabulation: the clean result, and what the run
/// folder needs from the stages before (the findings of ingest and validation, each batch's
/// provenance, the decisions file's, and the stages' times), so that later stages read this
/// artifact alone.
struct CleanStage: Sendable {
  var cleaned: CleanResult
  /// Ingest's and validation's findings, rows referring to the table cleaning started from.
  var earlierFindings: [Finding]
  var batches: [BatchReport]
  var decisions: BatchReport?
  var times: [StageTime]
  /// For the report, from the validate stage (which saw the raw table).
  var enumerators: [EnumeratorSummary] = []
  var rawRecords: [ValidationLog.RecordPlace: String] = [:]

  /// Ingest's and validation's findings with the reviewers' decisions noted, then cleaning's.
  var findings: [Finding] { cleaned.resolve(earlierFindings) + cleaned.findings }

  func write(to writer: inout ArtifactWriter) {
    cleaned.write(to: &writer)
    writer.findings(earlierFindings)
    writer.int(batches.count)
    for batch in batches { batch.write(to: &writer) }
    writer.bool(decisions != nil)
    decisions?.write(to: &writer)
    writer.int(times.count)
    for time in times { time.write(to: &writer) }
    writer.enumerators(enumerators)
    writer.rawRecords(rawRecords)
  }

  init(cleaned: CleanResult, earlierFindings: [Finding], batches: [BatchReport], decisions: BatchReport?, times: [StageTime]) {
    self.cleaned = cleaned
    self.earlierFindings = earlierFindings
    self.batches = batches
    self.decisions = decisions
    self.times = times
  }

  init(reading reader: inout ArtifactReader) throws(CoreError) {
    cleaned = try CleanResult(reading: &reader)
    earlierFindings = try reader.findings()
    batches = []
    for _ in 0..<(try reader.count()) { batches.append(try BatchReport(reading: &reader)) }
    decisions = try reader.bool() ? try BatchReport(reading: &reader) : nil
    times = []
    for _ in 0..<(try reader.count()) { times.append(try StageTime(reading: &reader)) }
    enumerators = try reader.enumerators()
    rawRecords = try reader.rawRecords()
  }
}

extension PipelineRun {
  /// Clean: the reviewer's decisions, then the cleaning policy, on the raw table.
  ///
  /// - Throws: the decisions file's read errors; ``PipelineError/rowsNotConserved(raw:tidy:dropped:)``.
  func clean(_ ingest: IngestStage, _ validation: ValidateStage) throws -> CleanStage {
    let table = ingest.result.table
    let decisions = try pipeline.clean.decisionsPath.map(readDecisions)
    let (cleaned, seconds) = progress.time(
      "clean",
      {
        Clean.run(
          table, codebook: codebook, findings: validation.findings, policy: pipeline.clean, decisions: decisions?.decisions,
          designColumns: pipeline.design?.columns ?? [])
      },
      message: { "\($0.table.rowCount) records kept, \($0.droppedRecords) dropped, \($0.changes.count) changes" })
    guard cleaned.rawRecords == cleaned.table.rowCount + cleaned.droppedRecords,
      cleaned.rawRecords == ingest.result.batches.reduce(0, { $0 + $1.records })
    else {
      throw PipelineError.rowsNotConserved(
        raw: cleaned.rawRecords, tidy: cleaned.table.rowCount, dropped: cleaned.droppedRecords)
    }
    let time = StageTime(name: "clean", rowsIn: cleaned.rawRecords, rowsOut: cleaned.table.rowCount, seconds: seconds)
    var stage = CleanStage(
      cleaned: cleaned, earlierFindings: validation.ingestFindings + validation.findings, batches: ingest.result.batches,
      decisions: decisions?.report, times: [ingest.time, validation.time, time])
    stage.enumerators = validation.enumerators
    stage.rawRecords = validation.rawRecords
    return stage
  }
}
