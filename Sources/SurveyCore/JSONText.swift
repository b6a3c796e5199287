/// Small helpers for writing JSON by hand with a stable key order (outputs must be
/// byte-identical from run to run).
public enum JSONText {
  /// `text` as a JSON string literal.
  public static func string(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// `text` as a JSON string, or `null`.
  public static func string(_ text: String?) -> String {
    text.map { string($0) } ?? "null"
  }

  /// A number that reads back as the same double; `null` for nil, NaN and infinities.
  public static func number(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "null" }
    return NumberFormatting.string(value)
  }

  /// An object from ordered key–value pairs whose values are already JSON text.
  public static func object(_ pairs: [(String, String)]) -> String {
    "{" + pairs.map { "\(string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
  }
}
