#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Feeds decoded text to libcsv one physical line at a time, so every record knows the line it
/// starts on, and recovers from malformed quoting.
///
/// When libcsv (strict mode) rejects a quote, or a quote is still open at the end of the input,
/// the record that was being read is flagged and reading resumes on the line after the one where
/// that record began: one broken record never swallows the rest of the file.
struct RecordScanner {
  let base: UnsafePointer<UInt8>
  let count: Int
  let parser: CSVParser
  /// Where fields go; `scanRecords` swaps in a fresh sink at each chunk boundary.
  private(set) var sink: UnsafeMutablePointer<FieldSink>
  let path: String
  private let separator: Int32
  private var position = 0
  private var line: Int
  private var recordStartLine: Int
  private var recordStartOffset = 0
  private var readingHeader = false

  /// - Parameters:
  ///   - text: the bytes to read.
  ///   - firstLine: the line number of the first byte (for a part of a file).
  ///   - separator: the line-end byte (LF, or CR for old Mac files).
  init(
    _ text: UnsafeBufferPointer<UInt8>, firstLine: Int = 1, separator: UInt8, parser: CSVParser,
    sink: UnsafeMutablePointer<FieldSink>, path: String
  ) {
    base = text.baseAddress ?? UnsafePointer(bitPattern: 1)!
    count = text.count
    self.parser = parser
    self.sink = sink
    self.path = path
    self.separator = Int32(separator)
    line = firstLine
    recordStartLine = firstLine
  }

  /// The offset of the next byte to read.
  var offset: Int { position }
  /// The line number of the next byte to read.
  var nextLine: Int { line }

  /// The line-end byte of `text`: CR when lone CRs (not followed by LF) outnumber LFs, as in
  /// old Mac files (whose cells may still hold LFs); LF otherwise (also for CRLF).
  static func separator(of text: UnsafeBufferPointer<UInt8>) -> UInt8 {
    guard let base = text.baseAddress, !text.isEmpty else { return 0x0A }
    var loneCR = 0
    var position = 0
    while position < text.count, let hit = memchr(base + position, 0x0D, text.count - position) {
      let index = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
      if index + 1 >= text.count || text[index + 1] != 0x0A { loneCR += 1 }
      position = index + 1
    }
    guard loneCR > 0 else { return 0x0A }
    var lineFeeds = 0
    position = 0
    while position < text.count, let hit = memchr(base + position, 0x0A, text.count - position) {
      lineFeeds += 1
      position = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base + 1
    }
    return loneCR > lineFeeds ? 0x0D : 0x0A
  }

  /// Reads the first record (the header) into the sink.
  ///
  /// - Throws: ``IngestError/badHeader(path:line:problem:)`` for broken quoting in the header.
  mutating func scanHeader() throws {
    readingHeader = true
    defer { readingHeader = false }
    try run(chunkRows: 0, until: { $0.rowCount >= 1 && !$0.recordOpen }, flush: { $0 })
  }

  /// Reads every remaining record. Whenever `chunkRows` records are waiting (between records),
  /// and once at the end, `flush` gets the full sink and returns the one to fill next.
  mutating func scanRecords(
    chunkRows: Int, flush: (UnsafeMutablePointer<FieldSink>) throws -> UnsafeMutablePointer<FieldSink>
  ) throws {
    try run(chunkRows: chunkRows, until: { _ in false }, flush: flush)
    sink = try flush(sink)
  }

  private func lineEnd(from offset: Int) -> Int {
    guard offset < count, let hit = memchr(base + offset, separator, count - offset) else { return count }
    return UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base + 1
  }

  private mutating func recover() throws {
    if readingHeader {
      throw IngestError.badHeader(
        path: path, line: recordStartLine, problem: "a quote is not closed or is followed by other text")
    }
    sink.pointee.abandonRecord()
    try parser.reset()
    position = lineEnd(from: recordStartOffset)
    line = recordStartLine + 1
  }

  private mutating func run(
    chunkRows: Int, until done: (FieldSink) -> Bool,
    flush: (UnsafeMutablePointer<FieldSink>) throws -> UnsafeMutablePointer<FieldSink>
  ) throws {
    while true {
      while position < count {
        if done(sink.pointee) { return }
        if parser.isBetweenRecords {
          if chunkRows > 0, sink.pointee.rowCount >= chunkRows { sink = try flush(sink) }
          recordStartLine = line
          recordStartOffset = position
          sink.pointee.recordLine = Int32(truncatingIfNeeded: line)
        }
        let end = lineEnd(from: position)
        let chunk = UnsafeRawBufferPointer(start: base + position, count: end - position)
        if let status = parser.parse(chunk, into: sink) {
          switch status {
          case .malformedQuote:
            try recover()
            continue
          case .failure(_, let message):
            throw IngestError.parserFailure(path: path, line: recordStartLine, message: message)
          }
        }
        position = end
        line += 1
      }
      if done(sink.pointee) { return }
      guard let status = parser.finish(into: sink) else { return }
      switch status {
      case .malformedQuote:
        try recover()
      case .failure(_, let message):
        throw IngestError.parserFailure(path: path, line: recordStartLine, message: message)
      }
      if position >= count { return }
    }
  }
}
