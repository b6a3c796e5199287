// The only file of survey-pipe that touches libcsv (C interop: pointers and callbacks).
import CLibCSV

/// One libcsv parser in strict mode, owned by this object and freed in `deinit`.
///
/// Options: `CSV_STRICT | CSV_STRICT_FINI` (a malformed or unterminated quote is an error rather
/// than a field that swallows the rest of the file), `CSV_EMPTY_IS_NULL` (an empty unquoted
/// field arrives as `nil`, a quoted `""` as an empty buffer).
final class CSVParser {
  private let handle: UnsafeMutablePointer<csv_parser>
  let delimiter: UInt8
  private let path: String

  /// - Throws: ``IngestError/parserSetup(path:code:)`` when libcsv cannot allocate its state.
  /// Records end at CR or LF (libcsv's default; CR LF is one end), as ``LineBreaks`` counts lines.
  init(delimiter: UInt8, path: String) throws {
    self.delimiter = delimiter
    self.path = path
    handle = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
    let status = csv_init(handle, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL))
    guard status == 0 else {
      handle.deallocate()
      throw IngestError.parserSetup(path: path, code: status)
    }
    configure()
  }

  deinit {
    csv_free(handle)
    handle.deallocate()
  }

  private func configure() {
    csv_set_delim(handle, delimiter)
    // With a tab delimiter, tabs must not be trimmed as white space.
    if delimiter == UInt8(ascii: "\t") { csv_set_space_func(handle, spaceOnly) }
  }

  /// Forgets any partial record, ready to read from the start of a fresh record.
  func reset() throws {
    csv_free(handle)
    let status = csv_init(handle, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL))
    guard status == 0 else { throw IngestError.parserSetup(path: path, code: status) }
    configure()
  }

  /// True when the parser is between records (no field of a record has begun).
  var isBetweenRecords: Bool { handle.pointee.pstate == 0 }

  /// Feeds `bytes`; fields and record ends go to `sink`.
  ///
  /// - Returns: `nil` when all bytes were consumed, else the libcsv error (a strict-mode parse
  ///   error is `.malformedQuote`).
  func parse(_ bytes: UnsafeRawBufferPointer, into sink: UnsafeMutablePointer<FieldSink>) -> ParserStatus? {
    let consumed = csv_parse(handle, bytes.baseAddress, bytes.count, fieldCallback, recordCallback, sink)
    return consumed == bytes.count ? nil : status()
  }

  /// Ends the input: delivers a last record that has no line end.
  func finish(into sink: UnsafeMutablePointer<FieldSink>) -> ParserStatus? {
    csv_fini(handle, fieldCallback, recordCallback, sink) == 0 ? nil : status()
  }

  private func status() -> ParserStatus {
    let code = csv_error(handle)
    switch code {
    case CSV_EPARSE: return .malformedQuote
    default: return .failure(code: code, message: String(cString: csv_strerror(code)))
    }
  }
}

/// What went wrong inside libcsv.
enum ParserStatus: Equatable {
  /// A quote that is not closed, or characters after a closing quote (strict mode).
  case malformedQuote
  /// Out of memory, or a field larger than libcsv can hold.
  case failure(code: Int32, message: String)
}

private func spaceOnly(_ byte: UInt8) -> Int32 { byte == 0x20 ? 1 : 0 }

// The callbacks write through a pointer to a plain struct: no reference counting per field.
private func fieldCallback(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
  context!.assumingMemoryBound(to: FieldSink.self).pointee.field(data, length)
}

private func recordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
  context!.assumingMemoryBound(to: FieldSink.self).pointee.endRecord()
}
