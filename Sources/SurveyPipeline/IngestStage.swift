import SurveyCore
import SurveyIngest

/// What the ingest stage leaves for validation: the raw table, the findings about the files,
/// each batch's provenance and the stage's time.
struct IngestStage: Sendable {
  var result: IngestResult
  var time: StageTime

  func write(to writer: inout ArtifactWriter) {
    result.table.write(to: &writer)
    writer.findings(result.findings)
    writer.int(result.batches.count)
    for batch in result.batches { batch.write(to: &writer) }
    time.write(to: &writer)
  }

  init(result: IngestResult, time: StageTime) {
    self.result = result
    self.time = time
  }

  init(reading reader: inout ArtifactReader) throws(CoreError) {
    let table = try DataTable(reading: &reader)
    let findings = try reader.findings()
    var batches: [BatchReport] = []
    for _ in 0..<(try reader.count()) { batches.append(try BatchReport(reading: &reader)) }
    result = IngestResult(table: table, findings: findings, batches: batches)
    time = try StageTime(reading: &reader)
  }
}

extension PipelineRun {
  /// Ingest: reads every batch into one typed table.
  func ingest() throws -> IngestStage {
    let sources = try Ingest.sources(for: pipeline)
    progress.note("ingest", "reading \(sources.count) batch file\(sources.count == 1 ? "" : "s")")
    let (ingest, seconds) = try progress.time(
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
    let rows = ingest.table.rowCount
    return IngestStage(result: ingest, time: StageTime(name: "ingest", rowsIn: rows, rowsOut: rows, seconds: seconds))
  }
}
