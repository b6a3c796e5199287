import Foundation

extension RecordReader {
  /// Files smaller than this are read by one parser: splitting them costs more than it saves.
  static let minimumPartBytes = 4 << 20

  /// Reads every record of `text`, whose first byte is on line `firstLine`, a part per core.
  ///
  /// A large file is cut into `parts` pieces at line starts near equal offsets, and each piece
  /// is read by its own libcsv parser on its own thread (with its own converting thread). A cut
  /// is only a guess at a record boundary, since a quoted field can hold a line break: the part
  /// before a cut reads on until a record begins at or after the cut. When that record begins
  /// exactly at the cut, the next part's records are the ones a single parser would have read
  /// from there, and they are appended; when the cut fell inside a record, the part before it
  /// reads on to the next cut (or the end) and the next part's work is dropped. Either way the
  /// rows, their line numbers and every finding are those of reading the file on one thread.
  ///
  /// - Parameter parts: how many pieces to cut a large file into (the number of cores).
  func read(
    _ text: BatchText, firstLine: Int, delimiter: UInt8, lineBreaksAllowed: [Bool],
    idPosition: Int?, path: String, parts: Int = ProcessInfo.processInfo.activeProcessorCount,
    minimumPartBytes: Int = RecordReader.minimumPartBytes
  ) throws {
    let cuts = Self.cuts(text.bytes, parts: min(parts, text.bytes.count / max(minimumPartBytes, 1)))
    guard !cuts.isEmpty else {
      _ = try readPart(
        text, start: 0, firstLine: firstLine, stops: [], delimiter: delimiter, lineBreaksAllowed: lineBreaksAllowed,
        idPosition: idPosition, path: path)
      return
    }
    let later = cuts.indices.map { index in
      let reader = RecordReader(schema: schema, targets: targets, headerCount: headerCount, decimal: decimal, values: values)
      let end = index + 1 < cuts.count ? cuts[index + 1] : text.bytes.count
      reader.reserve(Int(Double(reservedRows) * Double(end - cuts[index]) / Double(max(text.bytes.count, 1))) + 64)
      return (reader: reader, outcome: ThreadResult<Result<Int?, any Error>>())
    }
    let group = WorkerThreads()
    for (index, part) in later.enumerated() {
      let start = cuts[index]
      let stops = Array(cuts[(index + 1)...])
      group.start {
        part.outcome.set(
          Result {
            // Line numbers as one parser counts them: the lines before the cut, after `firstLine`.
            let line = firstLine + text.lineCount(before: start)
            return try part.reader.readPart(
              text, start: start, firstLine: line, stops: stops, delimiter: delimiter,
              lineBreaksAllowed: lineBreaksAllowed, idPosition: idPosition, path: path)
          })
      }
    }
    defer { group.wait() }
    var stoppedAt = try readPart(
      text, start: 0, firstLine: firstLine, stops: cuts, delimiter: delimiter, lineBreaksAllowed: lineBreaksAllowed,
      idPosition: idPosition, path: path)
    group.wait()
    while let cut = stoppedAt, let index = cuts.firstIndex(of: cut) {
      // Set by the part's thread, which has ended (`group.wait()`).
      stoppedAt = try later[index].outcome.value!.get()
      absorb(later[index].reader)
    }
  }

  /// Offsets that cut `text` into `parts` pieces of about equal length, each just after a line
  /// feed; empty when the text is too short or has too few lines to cut.
  static func cuts(_ text: UnsafeBufferPointer<UInt8>, parts: Int) -> [Int] {
    guard parts > 1, let base = text.baseAddress else { return [] }
    var cuts: [Int] = []
    for k in 1..<parts {
      let target = max(text.count * k / parts, (cuts.last ?? 0) + 1)
      guard target < text.count, let hit = memchr(base + target, 0x0A, text.count - target) else { break }
      let cut = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base + 1
      guard cut < text.count else { break }
      cuts.append(cut)
    }
    return cuts
  }
}
