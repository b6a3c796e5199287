import Foundation
import SurveyClean
import SurveyCore
import SurveyExport
import SurveyValidate

extension PipelineRun {
  /// The publish step: writes the run folder from what the stages produced (the same bytes
  /// whether the stages ran in one `run` or one by one), then switches it into place.
  ///
  /// Only the files of ``RunFolderLayout`` are written; personal-data (`pii`) variables never
  /// reach them (they stay in the stage artifacts, outside the run folder).
  func publish(
    _ clean: CleanStage, _ weighting: WeightStage, _ tables: TabulateStage, to folder: OutputFolder, started: Date
  ) throws -> Outcome {
    var manifest = RunManifest(pipeline: pipeline, codebook: codebook, started: started)
    manifest.inputs = clean.batches
    manifest.decisions = clean.decisions
    manifest.stages = clean.times + [weighting.time, tables.time].compactMap { $0 }
    manifest.margins = weighting.margins
    let cleaned = clean.cleaned
    let failures = [weighting.failure].compactMap { $0 } + tables.failures
    let log = ValidationLog(
      findings: clean.findings + weighting.findings + failures + exportFindings(cleaned), findingDecisions: clean.cleaned.findingDecisions,
      enumerators: clean.enumerators,
      rawRecords: clean.rawRecords, showsEnumerator: pipeline.checks?.enumerator != nil)
    manifest.records = (cleaned.rawRecords, cleaned.table.rowCount, cleaned.droppedRecords)
    manifest.findings = log.counts
    manifest.unresolved = log.unresolvedCounts
    manifest.failures = [(nil, weighting.failure)].compactMap { table, finding in finding.map { (table, $0) } }
      + zip(tables.failedTables, tables.failures).map { ($0, $1) }

    let (_, writeSeconds) = try progress.time(
      "write",
      {
        try folder.write("validation.csv", text: log.csv())
        try folder.write("validation.jsonl", text: log.jsonLines())
        try folder.write("validation.html", text: log.html(title: pipeline.name))
        try folder.write("cleaning-log.csv", text: CleaningLog.csv(cleaned.changes))
        try writeTidy(cleaned, weights: weighting.design?.weights, to: folder)
        if let diagnostics = weighting.diagnostics { try folder.write("weights.json", text: diagnostics) }
        for table in tables.files { try folder.write("tables/\(table.name).csv", text: table.csv) }
        if !tables.files.isEmpty {
          try folder.write("tables.md", text: tables.markdown)
          try folder.write("tables.html", text: tables.html)
          try folder.write("tables.json", text: tables.metadata)
        }
        if pipeline.exports.contains("xlsx") {
          if !tables.workbook.isEmpty { try folder.write("tables.xlsx", bytes: try SpreadsheetFile.bytes(tables.workbook)) }
          let sheets = ExcelWorkbooks.validation(log, changes: cleaned.changes)
          try folder.write("validation.xlsx", bytes: try SpreadsheetFile.bytes(sheets))
        }
      }, message: { _ in "run folder \(outputPath)" })
    manifest.stages.append(
      StageTime(name: "write", rowsIn: cleaned.table.rowCount, rowsOut: cleaned.table.rowCount, seconds: writeSeconds))
    try folder.write("run.json", text: manifest.json(finished: Date()))
    try folder.commit()
    return Outcome(
      log: log, rawRecords: cleaned.rawRecords, tidyRecords: cleaned.table.rowCount,
      droppedRecords: cleaned.droppedRecords, changes: cleaned.changes.count, tables: tables.files.map(\.name),
      outputPath: outputPath, failures: failures)
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
    try writeExports(cleaned, variables: variables, weight: weights.map { (weightName, description, $0) }, to: folder)
  }

  /// `tidy/survey.dta` and `tidy/survey.sav` (the pipeline's `exports:`): the tidy data with
  /// variable and value labels, each blanked missing code back as a labelled missing value.
  func writeExports(
    _ cleaned: CleanResult, variables: [Variable], weight: (name: String, label: String, values: [Double])?,
    to folder: OutputFolder
  ) throws {
    let formats = pipeline.exports.compactMap(ExportFormat.init(rawValue:))  // xlsx is not the tidy data's
    guard !formats.isEmpty else { return }
    let dataset = ExportDataset(
      table: cleaned.table, variables: variables, codebook: pipeline.outputCodebook(codebook), label: codebook.survey,
      missingCodes: Self.blankedMissingCodes(cleaned), weight: weight)
    for format in formats {
      try folder.write(format.path) { sink in try dataset.write(format, to: sink) }
    }
  }

  /// One `export-truncated` warning per text cell longer than an export's format holds (SPSS's
  /// 32,767 bytes): that file holds the text's beginning; `survey.csv` and `survey.dta` hold it
  /// whole. The message gives the lengths, never the text.
  func exportFindings(_ cleaned: CleanResult) -> [Finding] {
    let formats = pipeline.exports.compactMap(ExportFormat.init(rawValue:)).filter(\.cutsText)
    guard !formats.isEmpty else { return [] }
    let table = cleaned.table
    var findings: [Finding] = []
    for variable in pipeline.outputCodebook(codebook).variables where !variable.pii && variable.type == .text {
      guard let column = table.column(variable.name), case .texts(let texts) = column.values else { continue }
      for (row, text) in texts.enumerated() where column.state[row] == .present {
        let bytes = text.utf8.count
        for format in formats where bytes > format.maximumTextBytes {
          let (batch, line) = table.location(row: row)
          findings.append(
            Finding(
              severity: .warning, rule: .exportTruncated, variable: variable.name, recordID: table.recordID(row: row),
              batch: batch, line: line,
              message: "\(variable.name) is \(bytes) bytes long; \(format.path) holds at most its first "
                + "\(format.maximumTextBytes) bytes (the most the format holds), cut before a character; "
                + "tidy/survey.csv holds it whole",
              batchIndex: Int(table.rowBatch[row])))
        }
      }
    }
    return findings
  }

  /// Per variable, per tidy row: the missing code cleaning blanked there (the cleaning log's
  /// `missing-code` changes, found by batch and line).
  static func blankedMissingCodes(_ cleaned: CleanResult) -> [String: [Int: String]] {
    let table = cleaned.table
    var rowOf: [String: [Int: Int]] = [:]
    for row in 0..<table.rowCount {
      let (batch, line) = table.location(row: row)
      rowOf[batch, default: [:]][line] = row
    }
    var codes: [String: [Int: String]] = [:]
    for change in cleaned.changes where change.reason == "missing-code" {
      guard let variable = change.variable, let code = change.oldValue, let row = rowOf[change.batch]?[change.line] else {
        continue
      }
      codes[variable, default: [:]][row] = code
    }
    return codes
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
