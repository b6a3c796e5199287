import Foundation

/// Why reading a batch could not go on at all. Problems inside a readable file (bad rows, bad
/// quoting, undecodable bytes) are not errors: they become ``SurveyCore/Finding``s.
public enum IngestError: Error, Equatable, Sendable {
  /// The file could not be opened or read.
  case unreadable(path: String, reason: String)
  /// An input pattern matched no file.
  case noMatchingFiles(pattern: String, pipeline: String?, line: Int?)
  /// libcsv could not be set up (out of memory).
  case parserSetup(path: String, code: Int32)
  /// No header name matches any variable: most likely the header row is missing.
  case unrecognizedHeader(path: String, line: Int)
  /// The header line cannot be read, so no column can be matched.
  case badHeader(path: String, line: Int, problem: String)
  /// libcsv ran out of memory or hit its size limit while reading.
  case parserFailure(path: String, line: Int, message: String)
  /// The file is in an encoding survey-pipe does not read (UTF-16, UTF-32).
  case unsupportedEncoding(path: String, encoding: String)
  /// A column the command needs is not in the file's header.
  case missingColumn(path: String, column: String, header: [String])
  /// The same column is requested under two header names, or twice.
  case duplicateColumn(path: String, line: Int, column: String, first: String, variable: String)
  /// A batch has no column for the codebook's id variable: every record would be dropped.
  case missingIDColumn(path: String, line: Int, column: String, header: [String])
  /// There are more than 65,535 batch files in one run.
  case tooManyBatches(count: Int)
  /// The batch is read with labels (`read: {values: labels}`) but two codes of a question share
  /// a label, so the label cannot say which code was answered.
  case ambiguousLabel(path: String, variable: String, label: String, first: String, second: String)
}

extension IngestError: LocalizedError {
  public var errorDescription: String? {
    switch self {
    case .unreadable(let path, let reason):
      return "\(path): cannot read the file: \(reason)"
    case .noMatchingFiles(let pattern, let pipeline, let line):
      let place = pipeline.map { "\($0)\(line.map { ":\($0)" } ?? ""): inputs: " } ?? ""
      return "\(place)no file matches '\(pattern)'"
    case .parserSetup(let path, let code):
      return "\(path): the CSV parser could not start (libcsv status \(code))"
    case .unrecognizedHeader(let path, let line):
      return "\(path):\(line): no column of the header matches a variable of the codebook; is the header row missing? (the file is not read)"
    case .badHeader(let path, let line, let problem):
      return "\(path):\(line): the header cannot be read: \(problem)"
    case .parserFailure(let path, let line, let message):
      return "\(path):\(line): the CSV parser stopped: \(message)"
    case .unsupportedEncoding(let path, let encoding):
      return "\(path): the file is \(encoding), which survey-pipe does not read; save it as UTF-8"
    case .missingColumn(let path, let column, let header):
      return "\(path):1: no column '\(column)' in the header (it has: \(Self.shown(header)))"
    case .duplicateColumn(let path, let line, let column, let first, let variable):
      return "\(path):\(line): the column '\(column)' appears more than once in the header ('\(first)' and '\(column)' both match '\(variable)')"
    case .missingIDColumn(let path, let line, let column, let header):
      return "\(path):\(line): the header has no column for the id variable '\(column)' (it has: \(Self.shown(header))); without ids no record of the batch can be kept, so the batch is not read (add the column, or an alias for it in the codebook)"
    case .ambiguousLabel(let path, let variable, let label, let first, let second):
      return "\(path): the file is read with labels (read: {values: labels}), but codes '\(first)' and "
        + "'\(second)' of '\(variable)' share the label '\(label)', so a cell holding it cannot be read back "
        + "to a code; give the codes distinct labels in the codebook (the file is not read)"
    case .tooManyBatches(let count):
      return "\(count) batch files in one run; at most 65535 are supported"
    }
  }

  /// The first 12 header names, each cut at 40 characters: a message stays readable whatever
  /// the header holds (100,000 columns, a 10 MB name).
  static func shown(_ header: [String]) -> String {
    let names = header.prefix(12).map { $0.count > 40 ? $0.prefix(40) + "…" : $0 }
    return names.joined(separator: ", ") + (header.count > 12 ? ", … (\(header.count) columns)" : "")
  }
}
