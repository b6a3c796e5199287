/// Text written into `validation.html` and `tables.html`, made safe against HTML injection: every
/// value from the data goes through ``escape(_:)`` (element text and attributes) or
/// ``scriptJSON(_:)`` (the findings inside a `<script>` element).
public enum HTMLText {
  /// `text` with `&`, `<`, `>`, `"` and `'` written as character references.
  public static func escape(_ text: String) -> String {
    htmlReferences.apply(to: text)
  }

  /// The references of ``escape(_:)``.
  static let htmlReferences = Replacements(
    ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"], lineSeparators: false)

  /// JSON text that may sit inside a `<script>` element: `<`, `>` and `&` (which could close
  /// the element or open a comment) and U+2028, U+2029 become `\u` escapes, which JSON reads
  /// back as the same characters.
  public static func scriptJSON(_ json: String) -> String {
    scriptEscapes.apply(to: json)
  }

  /// The escapes of ``scriptJSON(_:)``.
  static let scriptEscapes = Replacements(
    ["<": "\\u003c", ">": "\\u003e", "&": "\\u0026"], lineSeparators: true)

  /// A table of replacements for ASCII characters, and optionally for U+2028 and U+2029 (UTF-8
  /// E2 80 A8 and E2 80 A9) as `\u2028` and `\u2029`, applied to the UTF-8 bytes of a text with
  /// one array lookup a byte. Text with nothing to replace is returned as it is.
  struct Replacements: Sendable {
    /// The replacement of each byte value; nil for a byte kept as it is.
    private let table: [[UInt8]?]
    private let lineSeparators: Bool

    init(_ replacements: [Unicode.Scalar: String], lineSeparators: Bool) {
      var table = [[UInt8]?](repeating: nil, count: 256)
      for (scalar, replacement) in replacements {
        precondition(scalar.isASCII, "only ASCII characters are replaced byte by byte")
        table[Int(scalar.value)] = Array(replacement.utf8)
      }
      self.table = table
      self.lineSeparators = lineSeparators
    }

    /// Whether `byte` starts something to replace.
    @inline(__always) private func starts(_ byte: UInt8) -> Bool {
      table[Int(byte)] != nil || (lineSeparators && byte == 0xE2)
    }

    func apply(to text: String) -> String {
      let utf8 = text.utf8
      guard utf8.contains(where: starts) else { return text }
      let bytes = Array(utf8)
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + bytes.count / 8)
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        index += 1
        if let replacement = table[Int(byte)] {
          out += replacement
        } else if lineSeparators, byte == 0xE2, index + 1 < bytes.count, bytes[index] == 0x80,
          bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9
        {
          out += Array((bytes[index + 1] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
          index += 2
        } else {
          out.append(byte)
        }
      }
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// `12345` as `12,345`.
  public static func grouped(_ number: Int) -> String {
    let digits = String(number.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { out += "," }
      out.append(digit)
    }
    return (number < 0 ? "-" : "") + out
  }

  /// `count` and `noun`, plural with an `s` unless `count` is 1: `3 errors`, `1 error`.
  public static func count(_ count: Int, _ noun: String) -> String {
    "\(grouped(count)) \(noun)\(count == 1 ? "" : "s")"
  }
}
