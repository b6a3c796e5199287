import SurveyCore
import SurveyIngest

/// Reads margins files (`variable,level,total`) through libcsv, like every CSV.
enum MarginsReader {
  /// The margins files of `weighting`, read with `options` (the data's encoding, delimiter
  /// and decimal mark, or auto), by path.
  ///
  /// - Throws: ``SurveyIngest/IngestError`` when a file cannot be read,
  ///   ``PipelineError/unreadableData(file:line:problem:)`` for a broken record, and
  ///   ``SurveyCore/CoreError`` for a bad total or a repeated level.
  static func read(_ weighting: WeightingSpec?, options: ReadOptions = ReadOptions()) throws -> [String: Margins] {
    var margins: [String: Margins] = [:]
    for path in weighting?.marginsFiles ?? [] { margins[path] = try read(path, options: options) }
    return margins
  }

  /// One margins file.
  static func read(_ path: String, options: ReadOptions = ReadOptions()) throws -> Margins {
    let fields = ["variable", "level", "total"].map { IngestField(name: $0, type: .text) }
    let source = BatchSource(path: path, name: path, read: options)
    let result = try Ingest.read(
      [source],
      schema: IngestSchema(fields: fields, reportsUnknownColumns: false, missingColumnIsFatal: true, missingTokens: []))
    if let problem = result.findings.first(where: { $0.severity == .error }) {
      throw PipelineError.unreadableData(file: path, line: problem.line, problem: problem.message)
    }
    let table = result.table
    let columns = ["variable", "level", "total"].map { table.column($0)! }
    let records = (0..<table.rowCount).map { row in
      (
        variable: columns[0].original(row: row), level: columns[1].original(row: row),
        total: columns[2].original(row: row), line: Int(table.rowLine[row])
      )
    }
    var margins = try Margins(file: path, records: records, decimal: options.decimal)
    margins.sha256 = result.batches.first?.sha256
    margins.bytes = result.batches.first?.bytes
    return margins
  }
}
