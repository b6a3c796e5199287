import Foundation
import SurveyCore
import SurveyIngest

/// Reads population files for rates (key columns, `population`, optionally `source`) through
/// libcsv, like every CSV.
enum PopulationReader {
  /// One population file.
  static func read(_ path: String, options: ReadOptions = ReadOptions()) throws -> PopulationTable {
    let source = BatchSource(path: path, name: path, read: options)
    // The columns are the file's own: its header first, then every column as text.
    let header = try Ingest.read([source], schema: schema([])).batches.first?.header ?? []
    guard header.contains(PopulationTable.populationColumn) else {
      throw PipelineError.unreadableData(file: path, line: 1, problem: "a population file needs a 'population' column")
    }
    let result = try Ingest.read([source], schema: schema(header))
    if let problem = result.findings.first(where: { $0.severity == .error }) {
      throw PipelineError.unreadableData(file: path, line: problem.line, problem: problem.message)
    }
    let table = result.table
    let keyColumns = header.filter { $0 != PopulationTable.populationColumn && $0 != PopulationTable.sourceColumn }
    let keys = keyColumns.map { table.column($0)! }
    let population = table.column(PopulationTable.populationColumn)!
    let sources = table.column(PopulationTable.sourceColumn)
    let rows = try (0..<table.rowCount).map { row in
      let line = Int(table.rowLine[row])
      let text = (population.original(row: row) ?? "").trimmingCharacters(in: .whitespaces)
      guard case .success(let value) = NumberText.read(text, decimal: options.decimal, integer: false) else {
        throw CoreError.invalidValue(file: path, line: line, key: PopulationTable.populationColumn, problem: "a population is a number above 0")
      }
      return PopulationTable.Row(
        keys: keys.map { ($0.original(row: row) ?? "").trimmingCharacters(in: .whitespaces) }, population: value, source: sources?.original(row: row), line: line)
    }
    var read = try PopulationTable(file: path, keyColumns: keyColumns, rows: rows)
    read.sha256 = result.batches.first?.sha256
    read.bytes = result.batches.first?.bytes
    return read
  }

  private static func schema(_ columns: [String]) -> IngestSchema {
    IngestSchema(
      fields: columns.map { IngestField(name: $0, type: .text) }, reportsUnknownColumns: false,
      missingColumnIsFatal: true, missingTokens: [])
  }
}
