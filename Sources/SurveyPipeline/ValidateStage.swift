import SurveyCore
import SurveyIngest
import SurveyValidate

/// What the validate stage leaves for cleaning: its findings (rows refer to the ingest stage's
/// table, which cleaning reads from the ingest artifact), the ingest findings with their
/// interviewers, what the report needs of the raw table (the per-interviewer summaries and the
/// raw lines of records with findings, personal data masked) and the stage's time.
struct ValidateStage: Sendable {
  var findings: [Finding]
  /// The ingest stage's findings, each with the interviewer of its record (`checks.enumerator`).
  var ingestFindings: [Finding]
  var enumerators: [EnumeratorSummary]
  var rawRecords: [ValidationLog.RecordPlace: String]
  var time: StageTime

  func write(to writer: inout ArtifactWriter) {
    writer.findings(findings)
    writer.findings(ingestFindings)
    writer.enumerators(enumerators)
    writer.rawRecords(rawRecords)
    time.write(to: &writer)
  }

  init(
    findings: [Finding], ingestFindings: [Finding], enumerators: [EnumeratorSummary],
    rawRecords: [ValidationLog.RecordPlace: String], time: StageTime
  ) {
    self.findings = findings
    self.ingestFindings = ingestFindings
    self.enumerators = enumerators
    self.rawRecords = rawRecords
    self.time = time
  }

  init(reading reader: inout ArtifactReader) throws(CoreError) {
    findings = try reader.findings()
    ingestFindings = try reader.findings()
    enumerators = try reader.enumerators()
    rawRecords = try reader.rawRecords()
    time = try StageTime(reading: &reader)
  }
}

extension PipelineRun {
  /// Validate: the codebook's rules and the pipeline's field-quality checks on the raw table;
  /// then, while the raw table is at hand, the interviewers of the ingest findings, the
  /// per-interviewer summaries and the raw lines the report shows.
  func validate(_ ingest: IngestStage) throws -> ValidateStage {
    let table = ingest.result.table
    let (findings, seconds) = try progress.time(
      "validate", { try Validate.run(table, codebook: codebook, checks: pipeline.checks) },
      message: { "\($0.count) findings" })
    let ingestFindings = Validate.attributeEnumerators(ingest.result.findings, table: table, checks: pipeline.checks)
    let all = ingestFindings + findings
    let enumerators = Validate.enumeratorSummaries(table: table, codebook: codebook, checks: pipeline.checks, findings: all)
    // The batches as ingest read them (the ingest artifact's inputs are checked unchanged).
    let sources = (try? Ingest.sources(for: pipeline)) ?? []
    let raw =
      sources.map(\.path) == ingest.result.batches.map(\.path)
      ? rawRecords(of: all, table: table, sources: sources, batches: ingest.result.batches) : [:]
    return ValidateStage(
      findings: findings, ingestFindings: ingestFindings, enumerators: enumerators, rawRecords: raw,
      time: StageTime(name: "validate", rowsIn: table.rowCount, rowsOut: table.rowCount, seconds: seconds))
  }
}

extension ArtifactWriter {
  /// The per-interviewer summaries.
  mutating func enumerators(_ summaries: [EnumeratorSummary]) {
    int(summaries.count)
    for summary in summaries {
      string(summary.enumerator)
      int(summary.interviews)
      int(summary.findings)
      bool(summary.medianDurationMinutes != nil)
      double(summary.medianDurationMinutes ?? 0)
      int(summary.answers)
      int(summary.dontKnowAnswers)
    }
  }

  /// Raw record lines by batch and line, in batch and line order (so the bytes are the same
  /// on every run).
  mutating func rawRecords(_ records: [ValidationLog.RecordPlace: String]) {
    let places = records.keys.sorted { ($0.batch, $0.line) < ($1.batch, $1.line) }
    int(places.count)
    for place in places {
      string(place.batch)
      int(place.line)
      string(records[place]!)
    }
  }
}

extension ArtifactReader {
  /// Summaries that ``ArtifactWriter/enumerators(_:)`` wrote.
  mutating func enumerators() throws(CoreError) -> [EnumeratorSummary] {
    var summaries: [EnumeratorSummary] = []
    for _ in 0..<(try count()) {
      let name = try string()
      let interviews = try int()
      let findings = try int()
      let hasMedian = try bool()
      let median = try double()
      summaries.append(
        EnumeratorSummary(
          enumerator: name, interviews: interviews, findings: findings, medianDurationMinutes: hasMedian ? median : nil,
          answers: try int(), dontKnowAnswers: try int()))
    }
    return summaries
  }

  /// Raw records that ``ArtifactWriter/rawRecords(_:)`` wrote.
  mutating func rawRecords() throws(CoreError) -> [ValidationLog.RecordPlace: String] {
    var records: [ValidationLog.RecordPlace: String] = [:]
    for _ in 0..<(try count()) {
      let place = ValidationLog.RecordPlace(batch: try string(), line: try int())
      records[place] = try string()
    }
    return records
  }
}
