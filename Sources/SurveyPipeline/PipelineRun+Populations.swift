import Foundation
import SurveyCore

extension PipelineRun {
  /// Checks every rate's population file before any data is read (`check` and `run`): it exists
  /// and reads, its keys are the codebook's (``PopulationReader/read(_:options:codebook:)``), and
  /// it has the year a rate asks for.
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
      if read[path] == nil { read[path] = try PopulationReader.read(path, options: pipeline.read, codebook: variables) }
      try checkYear(rate, population: read[path]!, pipeline: pipeline, table: table)
    }
  }

  /// A rate's `year:` is one of the file's years when the file has a year column (without one,
  /// `year:` only says which year the population is, for the metadata).
  static func checkYear(_ rate: RateSpec, population: PopulationTable, pipeline: Pipeline, table: TableSpec) throws {
    guard let year = rate.year, !population.years.isEmpty else { return }
    let key = "tables.\(table.name).rate.year"
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
