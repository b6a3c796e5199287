import Foundation
import SurveyCore

extension PipelineRun {
  /// Checks every rate's population file before any data is read (`check` and `run`): it exists
  /// and reads; its key columns are variables of the codebook (those the pipeline adds
  /// included), so a column named `Region` or `region_code` is never silently added up; each key
  /// cell of a categorical variable is one of its codes (a `Total` row or a blank would be added
  /// into every national rate); and it has the year a rate asks for.
  ///
  /// - Throws: ``SurveyCore/CoreError`` naming the pipeline's table and key, or the population
  ///   file's line and column.
  static func checkPopulations(_ pipeline: Pipeline, codebook: Codebook) throws {
    let variables = pipeline.outputCodebook(codebook)
    var read: [String: PopulationTable] = [:]
    for table in pipeline.tables {
      guard let rate = table.rate, let path = rate.population else { continue }
      let key = "tables.\(table.name).rate.population"
      guard FileManager.default.fileExists(atPath: path) else {
        throw CoreError.invalidValue(file: pipeline.file, line: table.line, key: key, problem: "cannot read \(path): no such file")
      }
      if read[path] == nil {
        let population = try PopulationReader.read(path, options: pipeline.read)
        try checkKeys(population, against: variables)
        read[path] = population
      }
      try checkYear(rate, population: read[path]!, pipeline: pipeline, table: table)
    }
  }

  /// The key columns of `population` are variables of `codebook`, and their cells its codes.
  static func checkKeys(_ population: PopulationTable, against codebook: Codebook) throws {
    for (index, name) in population.keyColumns.enumerated() {
      guard let variable = codebook.variable(named: name) else {
        throw CoreError.invalidValue(
          file: population.file, line: 1, key: name,
          problem: "'\(name)' is not a variable of the codebook: a population file's columns are the variables it is by (as region, sex, year), then population and source")
      }
      guard !variable.codes.isEmpty else { continue }
      let codes = Set(variable.codes.map(\.code))
      for row in population.rows where !codes.contains(row.keys[index]) {
        let shown = variable.codes.prefix(12).map(\.code).joined(separator: ", ")
        throw CoreError.invalidValue(
          file: population.file, line: row.line, key: name,
          problem: "'\(row.keys[index])' is not a code of \(name) (\(shown)): one row per combination of codes, no totals or blanks")
      }
    }
  }

  /// A rate's `year:` is one of the file's years, and the file has a year column.
  static func checkYear(_ rate: RateSpec, population: PopulationTable, pipeline: Pipeline, table: TableSpec) throws {
    guard let year = rate.year else { return }
    let key = "tables.\(table.name).rate.year"
    guard !population.years.isEmpty else {
      throw CoreError.invalidValue(
        file: pipeline.file, line: table.line, key: key,
        problem: "\(population.file) has no year column, so it cannot be read for a year: add one, or remove year")
    }
    guard population.years.contains(year) else {
      throw CoreError.invalidValue(
        file: pipeline.file, line: table.line, key: key,
        problem: "\(population.file) has no rows for year \(year) (it has \(population.years.joined(separator: ", ")))")
    }
  }

  /// The parts of a combined pipeline file, each loaded and checked, in run order.
  ///
  /// - Throws: as ``load(_:)`` for each part, and ``SurveyCore/CoreError`` when two parts have
  ///   the same name (they would write to the same folder).
  public static func loadParts(_ parts: PipelineParts) throws -> [(Pipeline, Codebook)] {
    var names: [String: String] = [:]
    return try parts.parts.map { path in
      let (part, codebook) = try load(path)
      if let other = names.updateValue(path, forKey: part.name) {
        throw CoreError.invalidValue(
          file: parts.file, line: nil, key: "parts",
          problem: "\(other) and \(path) are both called '\(part.name)'; parts write to folders named after them, so give them distinct names")
      }
      return (part, codebook)
    }
  }

  /// Refuses to run parts into a folder that is itself a run folder (it holds `run.json`): the
  /// parts' folders would be written inside an earlier single run.
  public static func checkPartsOutput(_ path: String) throws {
    guard FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("run.json")) else { return }
    throw CoreError.invalidValue(
      file: path, line: nil, key: "output",
      problem: "the folder holds run.json: it is the run folder of a single pipeline, so the parts' folders cannot go in it; choose another")
  }
}
