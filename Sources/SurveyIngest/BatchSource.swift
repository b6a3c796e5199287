import SurveyCore

/// A batch file to read, with how to read it.
public struct BatchSource: Sendable, Equatable {
  public var path: String
  /// How logs name the batch (the file name, unless two batches share it).
  public var name: String
  public var read: ReadOptions
  /// The file's bytes when they are already in memory (the CSV fuzz target's inputs); `path` is
  /// then only how messages and `run.json` name the batch, and nothing is read from disk.
  public var contents: [UInt8]?

  public init(path: String, name: String, read: ReadOptions, contents: [UInt8]? = nil) {
    self.path = path
    self.name = name
    self.read = read
    self.contents = contents
  }
}

/// The provenance of one batch: what was read and how.
public struct BatchReport: Sendable, Equatable {
  public var name: String
  public var path: String
  /// SHA-256 of the file, lowercase hex; empty when the read skipped it (`estimate` and
  /// `weight` record no provenance: see ``IngestSchema/hashesBatches``).
  public var sha256: String
  public var bytes: Int
  /// Records read (rows of the table, ragged and broken ones included).
  public var records: Int
  public var encoding: TextEncoding
  public var encodingSource: EncodingSource
  public var byteOrderMark: Bool
  public var delimiter: UInt8
  public var decimal: UInt8
  public var header: [String]
  /// How the file's physical lines were used.
  public var lines: LineAccount
}

/// Where every physical line of a batch went: the parts add up to `total` unless a line was
/// lost, which `accounted` makes checkable (`run.json` reports both).
public struct LineAccount: Sendable, Equatable {
  /// Physical lines in the file (LF, CR LF or a lone CR ends one; a last line without an end counts).
  public var total: Int
  /// The header's line.
  public var header: Int
  /// The first line of each record (ragged, broken and set-aside records included).
  public var records: Int
  /// Lines of records whose fields were all empty (skipped with an `empty-record` finding).
  public var emptyRecords: Int
  /// Lines with no field at all, skipped.
  public var blank: Int
  /// Lines after the first of a record whose quoted field holds line breaks where the codebook
  /// allows them.
  public var continuation: Int

  public init(total: Int, header: Int, records: Int, emptyRecords: Int, blank: Int, continuation: Int) {
    self.total = total
    self.header = header
    self.records = records
    self.emptyRecords = emptyRecords
    self.blank = blank
    self.continuation = continuation
  }

  /// Every physical line is the header, the start of a record, an empty record, a blank line or
  /// the continuation of an allowed multi-line field.
  public var accounted: Bool { header + records + emptyRecords + blank + continuation == total }
}
