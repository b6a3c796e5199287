#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Feeds a decoded batch to libcsv one physical line at a time, so every record knows the line
/// it starts on, and recovers from malformed quoting.
///
/// When libcsv (strict mode) rejects a quote, or a quote is still open at the end of the input,
/// the record that was being read is flagged `bad-quote` and reading resumes on the line after
/// the one where that record began: one broken record never swallows the rest of the file.
struct RecordScanner {
  let base: UnsafePointer<UInt8>
  let count: Int
  let parser: CSVParser
  let assembler: RecordAssembler
  let path: String
  private let separator: Int32
  private var position = 0
  private var line = 1
  private var recordStartLine = 1
  private var recordStartOffset = 0

  init(_ text: UnsafeBufferPointer<UInt8>, parser: CSVParser, assembler: RecordAssembler, path: String) {
    base = text.baseAddress ?? UnsafePointer(bitPattern: 1)!
    count = text.count
    self.parser = parser
    self.assembler = assembler
    self.path = path
    // Old Mac files end lines with CR alone.
    separator =
      count > 0 && memchr(base, 0x0A, count) == nil && memchr(base, 0x0D, count) != nil ? 0x0D : 0x0A
  }

  /// Reads up to the end of the header record.
  mutating func scanHeader() throws {
    try run(until: { $0.mode == .data })
  }

  /// Reads every remaining record.
  mutating func scanRecords() throws {
    try run(until: { _ in false })
  }

  private func lineEnd(from offset: Int) -> Int {
    guard offset < count, let hit = memchr(base + offset, separator, count - offset) else { return count }
    return UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base + 1
  }

  private mutating func recover() throws {
    if assembler.mode == .header {
      throw IngestError.badHeader(
        path: path, line: recordStartLine, problem: "a quote is not closed or is followed by other text")
    }
    assembler.abandonRecord()
    try parser.reset()
    position = lineEnd(from: recordStartOffset)
    line = recordStartLine + 1
  }

  private mutating func run(until done: (RecordAssembler) -> Bool) throws {
    while true {
      while position < count {
        if done(assembler) { return }
        let end = lineEnd(from: position)
        if parser.isBetweenRecords {
          recordStartLine = line
          recordStartOffset = position
          assembler.recordLine = Int32(truncatingIfNeeded: line)
        }
        let chunk = UnsafeRawBufferPointer(start: base + position, count: end - position)
        if let status = parser.parse(chunk, into: assembler) {
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
      if done(assembler) { return }
      guard let status = parser.finish(into: assembler) else { return }
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
