import SurveyCore

extension WeightDiagnostics {
  /// The diagnostics as the JSON object of `weights.json`, byte for byte the same for the same
  /// weights: keys in a fixed order (`steps`, `count`, `sum`, `min`, `max`, `mean`, `cv`,
  /// `kish_deff`, `effective_n`), numbers that read back as the same double, null where undefined.
  public func json() -> String {
    let stepLines = steps.map { step in
      var members = ["\"step\": \(Self.string(step.step))", "\"rule\": \(Self.string(step.rule))"]
      members.append("\"column\": " + (step.column.map(Self.string) ?? "null"))
      return "    {" + members.joined(separator: ", ") + "}"
    }
    let numbers: [(String, Double?)] = [
      ("sum", sum), ("min", min), ("max", max), ("mean", mean), ("cv", cv), ("kish_deff", kishDeff),
      ("effective_n", effectiveN),
    ]
    var lines = [
      "  \"steps\": [" + (stepLines.isEmpty ? "]" : "\n" + stepLines.joined(separator: ",\n") + "\n  ]"),
      "  \"count\": \(count)",
    ]
    lines += numbers.map { "  \"\($0.0)\": " + Self.number($0.1) }
    return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
  }

  static func number(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "null" }
    return NumberFormatting.string(value)
  }

  static func string(_ text: String) -> String {
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
}
