import Foundation
import SurveyCore

/// An XLSForm expression (`relevant`, `constraint`: ODK's XPath subset) rewritten in the
/// codebook's expression language, or why it cannot be.
///
/// Translated: `${name}` (the variable), `.` (the question itself, in a constraint), numbers and
/// quoted strings, `=` (as `==`), `!=`, `<`, `<=`, `>`, `>=`, `+`, `-`, `*`, `div` (as `/`),
/// `and`, `or`, `not(…)`, parentheses, `selected(${x}, 'code')`, `count-selected(…)` and
/// `string-length(…)`. Anything else (another function such as `today()` or `regex()`, a path
/// such as `../x`) is refused with the part that cannot be translated.
enum XLSFormExpression {
  /// The translation of `text`, `self` standing for `.`; the codebook's parser checks it.
  static func translate(_ text: String, self name: String) -> Result<String, Unsupported> {
    var output = ""
    var scalars = Array(emptyTests(text).unicodeScalars)[...]
    func append(_ piece: String) {
      if let last = output.last, !last.isWhitespace, last != "(", !piece.hasPrefix(")"), !piece.hasPrefix(",") {
        output += " "
      }
      output += piece
    }
    while let first = scalars.first {
      if first.properties.isWhitespace {
        scalars = scalars.dropFirst()
        continue
      }
      if first == "$" {
        guard scalars.dropFirst().first == "{", let close = scalars.firstIndex(of: "}") else {
          return .failure(Unsupported(part: String(String.UnicodeScalarView(scalars.prefix(12)))))
        }
        append(String(String.UnicodeScalarView(scalars[scalars.index(scalars.startIndex, offsetBy: 2)..<close])))
        scalars = scalars[scalars.index(after: close)...]
        continue
      }
      if first == "'" || first == "\"" {
        guard let close = scalars.dropFirst().firstIndex(of: first) else { return .failure(Unsupported(part: String(first))) }
        append(String(String.UnicodeScalarView(scalars[scalars.startIndex...close])))
        scalars = scalars[scalars.index(after: close)...]
        continue
      }
      if let (symbol, length) = symbol(scalars) {
        append(symbol)
        scalars = scalars.dropFirst(length)
        continue
      }
      let word = String(String.UnicodeScalarView(scalars.prefix { isWordScalar($0) }))
      guard !word.isEmpty else { return .failure(Unsupported(part: String(first))) }
      scalars = scalars.dropFirst(word.unicodeScalars.count)
      switch word {
      case ".": append(name)
      case "and", "or": append(word)
      case "div": append("/")
      case "not", "selected", "count-selected", "string-length", "missing", "present":
        guard scalars.first == "(" else { return .failure(Unsupported(part: word)) }
        append(word.replacingOccurrences(of: "-", with: "_") + "(")
        scalars = scalars.dropFirst()
      default:
        guard Double(word) != nil else { return .failure(Unsupported(part: word + (scalars.first == "(" ? "()" : ""))) }
        append(word)
      }
    }
    do {
      _ = try Expression.parse(output)
    } catch {
      return .failure(Unsupported(part: output))
    }
    return .success(output)
  }

  /// ODK's tests for an answer, `${x} = ''` and `${x} != ''` (also `. = ''`), as the
  /// codebook's `missing(x)` and `present(x)`.
  static func emptyTests(_ text: String) -> String {
    var result = text
    for (pattern, function) in [(#"(\$\{[^}]*\}|(?<![\w.])\.(?![\w.]))\s*!=\s*(''|"")"#, "present"), (#"(\$\{[^}]*\}|(?<![\w.])\.(?![\w.]))\s*=\s*(''|"")"#, "missing")] {
      guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
      result = regex.stringByReplacingMatches(
        in: result, range: NSRange(result.startIndex..., in: result), withTemplate: "\(function)($1)")
    }
    return result
  }

  /// An operator or punctuation at the start of `scalars`, as the codebook writes it.
  static func symbol(_ scalars: ArraySlice<Unicode.Scalar>) -> (String, Int)? {
    let two = String(String.UnicodeScalarView(scalars.prefix(2)))
    if ["!=", "<=", ">="].contains(two) { return (two, 2) }
    guard let first = scalars.first else { return nil }
    switch first {
    case "=": return ("==", 1)
    case "<", ">", "+", "-", "*", "(", ")", ",": return (String(first), 1)
    default: return nil
    }
  }

  /// Letters, digits, `_`, `.`, `-` inside a name or number (`count-selected`, `1.5`, `.`).
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" || scalar == "." || scalar == "-"
  }

  /// The part of an expression that cannot be translated.
  struct Unsupported: Error, Equatable {
    var part: String
  }
}
