#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where physical lines end, recognised line by line as Excel and R do: a line ends at LF, at
/// CR LF, or at a lone CR, whatever the other lines of the file use.
///
/// Every part of ingest that numbers lines (records, undecodable bytes, record estimates) uses
/// this one definition, so a line number means the same thing in every finding.
struct LineBreaks {
  let base: UnsafePointer<UInt8>
  let count: Int
  /// False when the text holds no CR at all: a line then ends only at LF (one `memchr`).
  let hasCarriageReturns: Bool

  /// - Parameter hasCarriageReturns: whether `text` holds a CR, when already known (found by
  ///   a search of the whole text otherwise).
  init(_ text: UnsafeBufferPointer<UInt8>, hasCarriageReturns: Bool? = nil) {
    base = text.baseAddress ?? UnsafePointer(bitPattern: 1)!
    count = text.count
    self.hasCarriageReturns = hasCarriageReturns ?? (count > 0 && memchr(base, 0x0D, count) != nil)
  }

  /// The offset just past the line end of the line holding `offset` (`count` for a last line
  /// without one).
  @inline(__always)
  func end(from offset: Int) -> Int {
    guard offset < count else { return count }
    let lineFeed = find(0x0A, from: offset, to: count)
    guard hasCarriageReturns else { return lineFeed.map { $0 + 1 } ?? count }
    let limit = lineFeed ?? count
    guard let carriageReturn = find(0x0D, from: offset, to: limit) else { return lineFeed.map { $0 + 1 } ?? count }
    // CR LF is one line end; a CR followed by anything else ends its line by itself.
    if carriageReturn + 1 == lineFeed { return carriageReturn + 2 }
    return carriageReturn + 1
  }

  /// How many physical lines the text holds (a last line without a line end counts); with
  /// `file`, the pages counted are given back behind the count.
  func lineCount(releasing file: FileContents? = nil) -> Int {
    var lines = 0
    var position = 0
    var behind = ReleaseBehind(file, from: base)
    while position < count {
      position = end(from: position)
      lines += 1
      behind.reached(base + position)
    }
    return lines
  }

  /// The 1-based line of each offset in `offsets` (ascending).
  func lines(of offsets: [Int]) -> [Int] {
    var result: [Int] = []
    result.reserveCapacity(offsets.count)
    var line = 1
    var lineEnd = end(from: 0)
    for offset in offsets {
      while offset >= lineEnd, lineEnd < count {
        line += 1
        lineEnd = end(from: lineEnd)
      }
      result.append(line)
    }
    return result
  }

  @inline(__always)
  private func find(_ byte: Int32, from start: Int, to limit: Int) -> Int? {
    guard start < limit, let hit = memchr(base + start, byte, limit - start) else { return nil }
    return UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
  }
}
