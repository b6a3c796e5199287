import SurveyCore

/// A batch's provenance, kept in the ingest stage's artifact for `run.json` (docs/stages.md).
extension BatchReport {
  public func write(to writer: inout ArtifactWriter) {
    writer.string(name)
    writer.string(path)
    writer.string(sha256)
    writer.int(bytes)
    writer.int(records)
    writer.string(encoding.rawValue)
    writer.string(encodingSource.rawValue)
    writer.bool(byteOrderMark)
    writer.byte(delimiter)
    writer.byte(decimal)
    writer.strings(header)
    for count in [lines.total, lines.header, lines.records, lines.emptyRecords, lines.blank, lines.continuation] {
      writer.int(count)
    }
  }

  public init(reading reader: inout ArtifactReader) throws(CoreError) {
    self.init(
      name: try reader.string(), path: try reader.string(), sha256: try reader.string(), bytes: try reader.int(),
      records: try reader.int(), encoding: try reader.value(TextEncoding.self),
      encodingSource: try reader.value(EncodingSource.self), byteOrderMark: try reader.bool(), delimiter: try reader.byte(),
      decimal: try reader.byte(), header: try reader.strings(),
      lines: LineAccount(
        total: try reader.int(), header: try reader.int(), records: try reader.int(), emptyRecords: try reader.int(),
        blank: try reader.int(), continuation: try reader.int()))
  }
}
