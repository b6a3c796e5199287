import SurveyCore

/// How a batch's encoding was decided.
public enum EncodingSource: String, Sendable {
  /// Named in the pipeline or on the command line.
  case declared
  /// `auto`, and the bytes are valid UTF-8 (or nearly: see ``DecodedText/invalidOffsets``).
  case detected
  /// `auto`, the bytes are not UTF-8, and the encoding was guessed from byte patterns.
  case sniffed
}

/// A batch's bytes as UTF-8, with where decoding failed.
struct DecodedText {
  /// The text, when decoding wrote it out (another encoding, replaced bytes).
  var converted: [UInt8]?
  /// The input after any byte-order mark, when it is the text as it is. It points into the
  /// decoder's input, and is valid as long as that is.
  var original: UnsafeBufferPointer<UInt8>?
  /// The text holds a CR (found by the UTF-8 check; nil when not looked for).
  var hasCarriageReturns: Bool? = nil
  var encoding: TextEncoding
  var source: EncodingSource
  var hadByteOrderMark: Bool
  /// Offsets in `bytes` of U+FFFD replacement characters written for undecodable input.
  var invalidOffsets: [Int]
  /// The encoding the pipeline declared, when the bytes overruled it, and why.
  var overruled: (declared: TextEncoding, reason: String)? = nil

  init(
    converted: [UInt8]? = nil, original: UnsafeBufferPointer<UInt8>? = nil, encoding: TextEncoding, source: EncodingSource,
    hadByteOrderMark: Bool, invalidOffsets: [Int]
  ) {
    self.converted = converted
    self.original = original
    self.encoding = encoding
    self.source = source
    self.hadByteOrderMark = hadByteOrderMark
    self.invalidOffsets = invalidOffsets
  }

  /// Calls `body` with the text.
  func withText<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    if let converted { return try converted.withUnsafeBufferPointer(body) }
    return try body(original ?? UnsafeBufferPointer(start: nil, count: 0))
  }
}

/// Turns a batch's bytes into UTF-8: strips a UTF-8 byte-order mark, detects or applies the
/// encoding, and replaces bytes that cannot be decoded by U+FFFD, noting where.
enum TextDecoder {
  /// Decodes bytes held in an array; the text is a copy (see the other `decode`).
  static func decode(_ raw: [UInt8], declared: TextEncoding?, path: String) throws -> DecodedText {
    try raw.withUnsafeBufferPointer { input in
      var text = try decode(input, declared: declared, path: path)
      if text.converted == nil { text.converted = Array(text.original ?? UnsafeBufferPointer(start: nil, count: 0)) }
      text.original = nil
      return text
    }
  }

  /// The text of `raw`, which is `raw` itself (after a byte-order mark) when it is valid UTF-8:
  /// valid only as long as `raw` is. The UTF-8 check gives back the pages of `file` behind it.
  ///
  /// - Throws: ``IngestError/unsupportedEncoding(path:encoding:)`` for UTF-16/32 files.
  static func decode(
    _ raw: UnsafeBufferPointer<UInt8>, declared: TextEncoding?, path: String, file: FileContents? = nil
  ) throws -> DecodedText {
    var input = raw
    var bom = false
    if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF {
      input = UnsafeBufferPointer(rebasing: input[3...])
      bom = true
    } else if let wide = wideEncoding(input) {
      throw IngestError.unsupportedEncoding(path: path, encoding: wide)
    }
    if let declared, declared != .utf8 {
      // A byte-order mark, or non-ASCII text that is all valid UTF-8, is near-certain evidence
      // of UTF-8: read as declared, it would be garbled without a trace.
      if bom {
        var text = utf8(input, source: .detected, bom: bom)
        text.overruled = (declared, "the file starts with a UTF-8 byte-order mark")
        return text
      }
      let scan = UTF8Scan(input, releasing: file)
      if scan.invalid == 0, scan.multibyte > 0 {
        var text = utf8(input, source: .detected, bom: bom, scan: scan)
        text.overruled = (declared, "its non-ASCII text is all valid UTF-8")
        return text
      }
    }
    switch declared {
    case .utf8?:
      return utf8(input, source: .declared, bom: bom, scan: UTF8Scan(input, releasing: file))
    case let encoding?:
      return singleByte(input, encoding: encoding, source: .declared, bom: bom)
    case nil:
      let scan = UTF8Scan(input, releasing: file)
      if scan.invalid == 0 || scan.multibyte >= scan.invalid {
        return utf8(input, source: .detected, bom: bom, scan: scan)
      }
      return singleByte(input, encoding: sniff(input), source: .sniffed, bom: bom)
    }
  }

  /// UTF-16 or UTF-32, by its byte-order mark or, without one, by the zero bytes that ASCII
  /// text in those encodings puts at fixed places (a CSV header is ASCII-heavy); nil otherwise.
  static func wideEncoding(_ bytes: [UInt8]) -> String? {
    bytes.withUnsafeBufferPointer { wideEncoding($0) }
  }

  static func wideEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32LE" }
    if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32BE" }
    if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
    if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
    let sample = bytes.prefix(4096)
    guard sample.count >= 4 else { return nil }
    var zeros = [0, 0, 0, 0]
    for (offset, byte) in sample.enumerated() where byte == 0 { zeros[offset % 4] += 1 }
    let quarter = sample.count / 4
    // Most ASCII characters leave 3 zero bytes in 4 (UTF-32) or 1 in 2 (UTF-16).
    if zeros[1] + zeros[2] + zeros[3] > quarter * 5 / 2 { return "UTF-32LE (no byte-order mark)" }
    if zeros[0] + zeros[1] + zeros[2] > quarter * 5 / 2 { return "UTF-32BE (no byte-order mark)" }
    if zeros[1] + zeros[3] > quarter * 3 / 2 { return "UTF-16LE (no byte-order mark)" }
    if zeros[0] + zeros[2] > quarter * 3 / 2 { return "UTF-16BE (no byte-order mark)" }
    return nil
  }

  /// The single-byte encoding the high bytes of `bytes` most likely come from.
  static func sniff(_ bytes: UnsafeBufferPointer<UInt8>) -> TextEncoding {
    var high = 0
    var highNextToHigh = 0
    var c1Controls = 0
    for i in bytes.indices where bytes[i] >= 0x80 {
      high += 1
      if (i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < bytes.count && bytes[i + 1] >= 0x80) {
        highNextToHigh += 1
      }
      if bytes[i] < 0xA0 { c1Controls += 1 }
    }
    // Cyrillic words are runs of high bytes; Latin text has isolated accented letters.
    if high > 0, highNextToHigh * 2 > high { return .windows1251 }
    // ISO-8859-16 has no printable characters in 0x80–0x9F; Windows-1250 has quotes and dashes there.
    if c1Controls > 0 { return .windows1250 }
    return .iso885916
  }

  static func utf8(_ input: UnsafeBufferPointer<UInt8>, source: EncodingSource, bom: Bool, scan: UTF8Scan? = nil) -> DecodedText {
    let scan = scan ?? UTF8Scan(input)
    if scan.invalid == 0 {
      var text = DecodedText(original: input, encoding: .utf8, source: source, hadByteOrderMark: bom, invalidOffsets: [])
      text.hasCarriageReturns = scan.carriageReturns
      return text
    }
    var output: [UInt8] = []
    output.reserveCapacity(input.count + 2 * scan.invalid)
    var offsets: [Int] = []
    var i = 0
    while i < input.count {
      let length = UTF8Scan.sequenceLength(input, at: i)
      if length > 0 {
        output.append(contentsOf: input[i..<(i + length)])
        i += length
      } else {
        offsets.append(output.count)
        output.append(contentsOf: [0xEF, 0xBF, 0xBD])
        i += 1
      }
    }
    return DecodedText(converted: output, encoding: .utf8, source: source, hadByteOrderMark: bom, invalidOffsets: offsets)
  }

  static func singleByte(_ input: UnsafeBufferPointer<UInt8>, encoding: TextEncoding, source: EncodingSource, bom: Bool) -> DecodedText {
    let table: [UInt16]?
    switch encoding {
    case .windows1250: table = SingleByteTables.windows1250
    case .windows1251: table = SingleByteTables.windows1251
    case .iso885916: table = SingleByteTables.iso885916
    case .latin1, .utf8: table = nil
    }
    var output: [UInt8] = []
    output.reserveCapacity(input.count + input.count / 8)
    var offsets: [Int] = []
    for byte in input {
      if byte < 0x80 {
        output.append(byte)
        continue
      }
      let scalar = table.map { UInt32($0[Int(byte) - 0x80]) } ?? UInt32(byte)
      if scalar == 0xFFFD { offsets.append(output.count) }
      if scalar < 0x800 {
        output.append(UInt8(0xC0 | (scalar >> 6)))
        output.append(UInt8(0x80 | (scalar & 0x3F)))
      } else {
        output.append(UInt8(0xE0 | (scalar >> 12)))
        output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        output.append(UInt8(0x80 | (scalar & 0x3F)))
      }
    }
    return DecodedText(converted: output, encoding: encoding, source: source, hadByteOrderMark: bom, invalidOffsets: offsets)
  }
}

/// Counts of valid multi-byte sequences and invalid bytes in a buffer read as UTF-8, and
/// whether it holds a CR.
struct UTF8Scan {
  var multibyte = 0
  var invalid = 0
  var carriageReturns = false

  /// Scans `buffer`, giving back the pages of `file` behind the scan.
  init(_ buffer: UnsafeBufferPointer<UInt8>, releasing file: FileContents? = nil) {
    let count = buffer.count
    var behind = ReleaseBehind(file, from: buffer.baseAddress)
    var i = 0
    while i < count {
      // A megabyte at a time, giving back the pages behind.
      let blockEnd = min(count, i + (1 << 20))
      while i < blockEnd {
        // ASCII fast path, eight bytes at a time.
        if i + 8 <= count {
          let word = UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)
          if word & 0x8080_8080_8080_8080 == 0 {
            // A zero byte in `word ^ CR…CR` is a CR (the classic test for a zero byte).
            let crs = word ^ 0x0D0D_0D0D_0D0D_0D0D
            if (crs &- 0x0101_0101_0101_0101) & ~crs & 0x8080_8080_8080_8080 != 0 { carriageReturns = true }
            i += 8
            continue
          }
        }
        if buffer[i] == 0x0D { carriageReturns = true }
        if buffer[i] < 0x80 {
          i += 1
          continue
        }
        let length = Self.sequenceLength(buffer, at: i)
        if length > 0 {
          multibyte += 1
          i += length
        } else {
          invalid += 1
          i += 1
        }
      }
      behind.reached(buffer.baseAddress! + i)
    }
  }

  /// The length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none.
  static func sequenceLength<C: RandomAccessCollection>(_ b: C, at i: Int) -> Int where C.Element == UInt8, C.Index == Int {
    let count = b.endIndex
    let lead = b[i]
    if lead < 0x80 { return 1 }
    func cont(_ k: Int) -> Bool { k < count && b[k] & 0xC0 == 0x80 }
    switch lead {
    case 0xC2...0xDF:
      return cont(i + 1) ? 2 : 0
    case 0xE0:
      return i + 1 < count && (0xA0...0xBF).contains(b[i + 1]) && cont(i + 2) ? 3 : 0
    case 0xE1...0xEC, 0xEE...0xEF:
      return cont(i + 1) && cont(i + 2) ? 3 : 0
    case 0xED:
      return i + 1 < count && (0x80...0x9F).contains(b[i + 1]) && cont(i + 2) ? 3 : 0
    case 0xF0:
      return i + 1 < count && (0x90...0xBF).contains(b[i + 1]) && cont(i + 2) && cont(i + 3) ? 4 : 0
    case 0xF1...0xF3:
      return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0
    case 0xF4:
      return i + 1 < count && (0x80...0x8F).contains(b[i + 1]) && cont(i + 2) && cont(i + 3) ? 4 : 0
    default:
      return 0
    }
  }
}
