import SurveyCore

/// A batch file to read, with how to read it.
public struct BatchSource: Sendable, Equatable {
  public var path: String
  /// How logs name the batch (the file name, unless two batches share it).
  public var name: String
  public var read: ReadOptions

  public init(path: String, name: String, read: ReadOptions) {
    self.path = path
    self.name = name
    self.read = read
  }
}

/// The provenance of one batch: what was read and how.
public struct BatchReport: Sendable, Equatable {
  public var name: String
  public var path: String
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
}
