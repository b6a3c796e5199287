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

  /// The codebook every generated survey uses.
  public static let codebookYAML = """
    survey: prop
    id: id
    missing_codes: {98: "Don't know", 99: Refused}
    variables:
      - {name: id, type: text, required: true, unique: true}
      - {name: name, type: text, pii: true}
      - {name: phone, type: text, pii: true}
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

/// One generated batch file and what its generator knows about it.
public struct GeneratedBatch: Sendable {
  /// The file name (batches sort in the order they were generated).
  public var name: String
  public var bytes: [UInt8]
  /// The pipeline's `encoding` for this file, or nil for auto.
  public var declaredEncoding: String?
  /// The pipeline's `delimiter` name for this file, or nil for auto (sniffed).
  public var declaredDelimiter: String?
  public var delimiter: UInt8
  public var decimalComma: Bool
  public var readOptions: ReadOptions
  /// Physical lines and what they are, counted as the file was built.
  public var lines: LineCounts
  /// True when a mutation makes the exact reading of some lines unpredictable (a stray quote, a
  /// row with the wrong delimiter, a truncated last line, a line break in a column that may not
  /// hold one): only the total of lines and that every line is accounted for are then known.
  public var hostile: Bool
  /// The lines holding records with only empty fields.
  public var emptyRecordLines: [Int]
  /// How the file was made, for failure messages.
  public var summary: String

  /// Counts of physical lines by what the generator put there.
  public struct LineCounts: Sendable, Equatable, CustomStringConvertible {
    public var total = 0
    public var header = 0
    public var records = 0
    public var emptyRecords = 0
    public var blank = 0
    public var continuation = 0

    public init(
      total: Int = 0, header: Int = 0, records: Int = 0, emptyRecords: Int = 0, blank: Int = 0, continuation: Int = 0
    ) {
      self.total = total
      self.header = header
      self.records = records
      self.emptyRecords = emptyRecords
      self.blank = blank
      self.continuation = continuation
    }

    public var description: String {
      "total \(total), header \(header), records \(records), empty records \(emptyRecords), blank \(blank), continuation \(continuation)"
    }
  }

  /// The bytes as a Swift-like string literal: printable ASCII as is, `\r`, `\n`, `\t`, other bytes `\xNN`.
  public static func escaped(_ bytes: [UInt8]) -> String {
    var text = "\""
    for byte in bytes {
      switch byte {
      case 0x0A: text += "\\n"
      case 0x0D: text += "\\r"
      case 0x09: text += "\\t"
      case 0x22: text += "\\\""
      case 0x5C: text += "\\\\"
      case 0x20..<0x7F: text.unicodeScalars.append(UnicodeScalar(byte))
      default: text += String(format: "\\x%02X", byte)
      }
    }
    return text + "\""
  }
}

/// A record the generator wrote.
public struct IntendedRecord: Sendable {
  public var batch: String
  /// The physical line where the record starts.
  public var firstLine: Int
  /// The id written (for ``Mutation/repeatedID``, the earlier record's id it repeats).
  public var id: String
  /// The hostile or malformed change made to the record, if any.
  public var mutation: Mutation?
  /// What the tidy data must hold for each variable that reaches it (unmutated records).
  public var cells: [String: ExpectedCell]
}

/// What a variable of an unmutated record must become.
public enum ExpectedCell: Sendable, Equatable {
  /// This exact text (`""` is an empty answer, written as `""` in the tidy data).
  case text(String)
  case number(Double)
  case code(String)
  /// Blank in the tidy data, and no cleaning-log row.
  case missing
  /// Blank in the tidy data, with a cleaning-log row giving the value as read and the reason.
  case cleared(old: String, reason: String)
}

/// Ways a generated record is damaged.
public enum Mutation: String, Sendable, CaseIterable {
  /// One field fewer or one more than the header.
  case ragged
  /// A `"` inserted somewhere in the record's first line.
  case strayQuote
  /// The record's fields separated by another delimiter than the file's.
  case wrongDelimiter
  /// The file ends inside the record (no line end after it).
  case truncated
  /// The record repeats the id of an earlier record.
  case repeatedID
  /// A quoted line break in `city`, whose codebook variable does not allow line breaks.
  case lineBreakInPlainColumn

  /// Whether the exact reading of the file's lines stays predictable.
  var isHostile: Bool { self != .ragged && self != .repeatedID }
}
