import SurveyCore

/// What cleaning produced, kept in the clean stage's artifact (docs/stages.md): the clean table,
/// every change with its sort keys, the decisions' findings, what the decisions settled and the
/// accepts of findings by id.
extension CleanResult {
  public func write(to writer: inout ArtifactWriter) {
    table.write(to: &writer)
    writer.int(changes.count)
    for change in changes {
      for text in [change.recordID, change.variable, change.oldValue, change.newValue] { writer.string(text) }
      writer.string(change.reason)
      writer.string(change.batch)
      for number in [change.line, change.batchIndex, change.column, change.order] { writer.int(number) }
    }
    writer.findings(findings)
    writer.int(rawRecords)
    writer.int(droppedRecords)
    writer.int(resolutions.count)
    for resolution in resolutions {
      writer.int(resolution.row)
      writer.string(resolution.variable)
      writer.string(resolution.action.rawValue)
    }
    writer.int(findingDecisions.count)
    for decision in findingDecisions {
      writer.string(decision.findingID)
      writer.string(decision.oldValue)
      writer.string(decision.comment)
      writer.string(decision.file)
      writer.int(decision.line)
    }
  }

  public init(reading reader: inout ArtifactReader) throws(CoreError) {
    let table = try DataTable(reading: &reader)
    var changes: [CleaningChange] = []
    for _ in 0..<(try reader.count()) {
      changes.append(
        CleaningChange(
          recordID: try reader.optionalString(), variable: try reader.optionalString(), oldValue: try reader.optionalString(),
          newValue: try reader.optionalString(), reason: try reader.string(), batch: try reader.string(), line: try reader.int(),
          batchIndex: try reader.int(), column: try reader.int(), order: try reader.int()))
    }
    let findings = try reader.findings()
    let raw = try reader.int()
    let dropped = try reader.int()
    var resolutions: [Resolution] = []
    for _ in 0..<(try reader.count()) {
      resolutions.append(
        Resolution(row: try reader.int(), variable: try reader.optionalString(), action: try reader.value(Decision.Action.self)))
    }
    var findingDecisions: [FindingDecision] = []
    for _ in 0..<(try reader.count()) {
      findingDecisions.append(
        FindingDecision(
          findingID: try reader.string(), oldValue: try reader.optionalString(), comment: try reader.optionalString(),
          file: try reader.string(), line: try reader.int()))
    }
    self.init(
      table: table, changes: changes, findings: findings, rawRecords: raw, droppedRecords: dropped, resolutions: resolutions,
      findingDecisions: findingDecisions)
  }
}
