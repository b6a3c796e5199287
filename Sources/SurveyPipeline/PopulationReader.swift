import Foundation
import SurveyCore
import SurveyIngest

/// Reads population files for rates (key columns, `population`, optionally `source`) through
/// libcsv, like every CSV.
enum PopulationReader {
  /// One population file, its keys checked against `codebook` (the pipeline's, with the
  /// variables it adds): every key column is a variable of it, so a column named `Region` or
  /// `region_code` is never silently added up; a key cell of a variable with codes is one of
  /// them, or one of their labels (`Nord` for 2), read as the code; anything else (a `Total`
  /// row, a blank) is refused with its line, since it would be added into every national rate.
  ///
  /// - Throws: as ``read(_:options:)``, and ``SurveyCore/CoreError`` for a key column or cell.
  static func read(_ path: String, options: ReadOptions, codebook: Codebook) throws -> PopulationTable {
    let population = try read(path, options: options)
    var rows = population.rows
    for (index, name) in population.keyColumns.enumerated() {
      guard let variable = codebook.variable(named: name) else {
        throw CoreError.invalidValue(
          file: path, line: 1, key: name,
          problem: "'\(name)' is not a variable of the codebook: a population file's columns are the variables it is by (as region, sex, year), then population and source")
      }
      guard !variable.codes.isEmpty else { continue }
      let codes = Set(variable.codes.map(\.code))
      let byLabel = Dictionary(variable.codes.map { ($0.label, $0.code) }, uniquingKeysWith: { first, _ in first })
      for row in rows.indices where !codes.contains(rows[row].keys[index]) {
        guard let code = byLabel[rows[row].keys[index]] else {
          let shown = variable.codes.prefix(12).map(\.code).joined(separator: ", ")
          throw CoreError.invalidValue(
            file: path, line: rows[row].line, key: name,
            problem: "'\(rows[row].keys[index])' is not a code of \(name) (\(shown)) nor one of its labels: one row per combination of codes, no totals or blanks")
        }
        rows[row].keys[index] = code
      }
    }
    // Labels read as codes may repeat a combination: the check runs again on the codes.
    var checked = try PopulationTable(file: path, keyColumns: population.keyColumns, rows: rows)
    checked.sha256 = population.sha256
    checked.bytes = population.bytes
    return checked
  }

  /// One population file, as it is.
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
