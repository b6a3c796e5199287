import SurveyCore

/// Text written into `validation.html`, made safe against HTML injection: every value from the
/// data goes through ``escape(_:)`` (element text and attributes) or ``scriptJSON(_:)`` (the
/// findings inside a `<script>` element).
enum HTMLText {
  /// `text` with `&`, `<`, `>`, `"` and `'` written as character references.
  static func escape(_ text: String) -> String {
    replacing(text, htmlReferences)
  }

  static let htmlReferences: [Unicode.Scalar: String] = [
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;",
  ]

  /// JSON text that may sit inside a `<script>` element: `<`, `>` and `&` (which could close
  /// the element or open a comment) and U+2028, U+2029 become `\u` escapes, which JSON reads
  /// back as the same characters.
  static func scriptJSON(_ json: String) -> String {
    replacing(json, scriptEscapes)
  }

  static let scriptEscapes: [Unicode.Scalar: String] = [
    "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u{2028}": "\\u2028", "\u{2029}": "\\u2029",
  ]

  /// `text` with each scalar that is a key of `table` written as its value.
  private static func replacing(_ text: String, _ table: [Unicode.Scalar: String]) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if let replacement = table[scalar] { out += replacement } else { out.unicodeScalars.append(scalar) }
    }
    return out
  }

  /// `12345` as `12,345`.
  static func grouped(_ number: Int) -> String {
    let digits = String(number.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { out += "," }
      out.append(digit)
    }
    return (number < 0 ? "-" : "") + out
  }

  /// `count` and `noun`, plural with an `s` unless `count` is 1: `3 errors`, `1 error`.
  static func count(_ count: Int, _ noun: String) -> String {
    "\(grouped(count)) \(noun)\(count == 1 ? "" : "s")"
  }
}
