import Foundation
import SurveyCore

/// A survey generated from a seed for property tests: a fixed codebook, one to three batch
/// files with random quoting, delimiters, encodings, line endings, blank lines, empty records,
/// ragged rows and hostile mutations, and what the generator knows about every file by
/// construction (its physical lines, its records and their values).
///
/// Personal-data values all contain ``piiMarker`` and nothing else does, so a leak is found by
/// searching any output for that one string.
public struct GeneratedSurvey: Sendable {
  public let seed: UInt64
  public internal(set) var batches: [GeneratedBatch] = []
  /// Every record the generator wrote, in batch and line order.
  public internal(set) var records: [IntendedRecord] = []

  /// Found in every `pii` value written (and in nothing else the generator writes).
  public static let piiMarker = "PII-"

  /// The survey for `seed`: the same seed always gives the same files.
  public init(seed: UInt64) {
    self.seed = seed
    var random = SeededRandom(seed: seed)
    let marker = Self.piiMarker + String(format: "%06llx", seed & 0xFF_FFFF) + "-"
    // A third of the cases have no mutation; the others damage records at a varying rate.
    let mutationRate = random.chance(0.35) ? 0 : Double(random.int(5...25)) / 100
    var ids: [String] = []
    for index in 0..<random.int(1...3) {
      let batchRandom = SeededRandom(seed: random.next())
      var builder = BatchBuilder(
        name: "b\(index + 1).csv", random: batchRandom, marker: marker, mutationRate: mutationRate)
      // Two sound records with weights in every survey, so that the tables can be estimated.
      builder.build(firstID: ids.count + 1, earlierIDs: ids, soundRecords: index == 0 ? 2 : 0)
      ids += builder.records.map(\.id)
      batches.append(builder.batch())
      records += builder.records
    }
  }

  /// The codebook every generated survey uses.
  public static let codebookYAML = """
    survey: prop
    id: id
    missing_codes: {98: "Don't know", 99: Refused}
    variables:
      - {name: id, type: text, required: true, unique: true}
      - {name: name, type: text, pii: true}
      - {name: phone, type: text, pii: true, constraint: ". < 'Q'"}
      - {name: age, type: integer, range: [0, 120]}
      - {name: income, type: decimal, range: [0, null]}
      - {name: region, type: categorical, codes: {1: Nord, 2: Centru, 3: Sud, 4: Chisinau}}
      - {name: city, type: text}
      - {name: note, type: text, line_breaks: true}
      - {name: w, type: decimal, range: [0.1, null], missing_codes: {}}

    """

  /// The variables in codebook order, and those that reach the tidy data.
  public static let variables = ["id", "name", "phone", "age", "income", "region", "city", "note", "w"]
  public static let piiVariables: Set<String> = ["name", "phone"]
  public static var tidyVariables: [String] { variables.filter { !piiVariables.contains($0) } }

  /// A pipeline reading every batch with its declared options, weighting by `w`, with two tables.
  public func pipelineYAML(output: String = "out") -> String {
    let inputs = batches.map { batch -> String in
      var keys = ["path: \(batch.name)"]
      if let encoding = batch.declaredEncoding { keys.append("encoding: \(encoding)") }
      if let delimiter = batch.declaredDelimiter { keys.append("delimiter: \(delimiter)") }
      if batch.decimalComma { keys.append("decimal: \",\"") }
      return "  - {\(keys.joined(separator: ", "))}"
    }
    return """
      name: prop
      codebook: codebook.yml
      inputs:
      \(inputs.joined(separator: "\n"))
      design: {weight: w}
      tables:
        - {name: age_mean, mean: age}
        - {name: region_share, proportion: region}
      output: \(output)

      """
  }

  /// Writes the codebook, the pipeline and every batch into `folder`; returns the pipeline's path.
  @discardableResult
  public func write(to folder: String) throws -> String {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try Data(Self.codebookYAML.utf8).write(to: URL(fileURLWithPath: folder + "/codebook.yml"))
    for batch in batches {
      try Data(batch.bytes).write(to: URL(fileURLWithPath: folder + "/" + batch.name))
    }
    let pipeline = folder + "/pipeline.yml"
    try Data(pipelineYAML().utf8).write(to: URL(fileURLWithPath: pipeline))
    return pipeline
  }

  /// How to reproduce this case: the seed, how each batch was made, and its bytes (escaped).
  public func reproduction(folder: String?) -> String {
    var text = "seed \(seed)"
    if let folder { text += "; files kept in \(folder)" }
    text += "\nrerun with SURVEY_PROPERTY_SEEDS=\(seed)\n"
    for batch in batches {
      text += "\(batch.name): \(batch.summary)\n"
      text += GeneratedBatch.escaped(batch.bytes) + "\n"
    }
    return text
  }
}
