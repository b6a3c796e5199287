import SurveyCore
import SurveyValidate

/// What the validate stage leaves for cleaning: its findings (rows refer to the ingest stage's
/// table, which cleaning reads from the ingest artifact) and the stage's time.
struct ValidateStage: Sendable {
  var findings: [Finding]
  var time: StageTime

  func write(to writer: inout ArtifactWriter) {
    writer.findings(findings)
    time.write(to: &writer)
  }

  init(findings: [Finding], time: StageTime) {
    self.findings = findings
    self.time = time
  }

  init(reading reader: inout ArtifactReader) throws(CoreError) {
    findings = try reader.findings()
    time = try StageTime(reading: &reader)
  }
}

extension PipelineRun {
  /// Validate: the codebook's rules on the raw table.
  func validate(_ ingest: IngestStage) throws -> ValidateStage {
    let table = ingest.result.table
    let (findings, seconds) = try progress.time(
      "validate", { try Validate.run(table, codebook: codebook) }, message: { "\($0.count) findings" })
    return ValidateStage(
      findings: findings, time: StageTime(name: "validate", rowsIn: table.rowCount, rowsOut: table.rowCount, seconds: seconds))
  }
}
