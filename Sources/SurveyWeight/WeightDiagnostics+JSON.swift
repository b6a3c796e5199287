import SurveyCore

extension WeightDiagnostics {
  /// The diagnostics as the JSON object of `weights.json`, byte for byte the same for the same
  /// weights: keys in a fixed order (`steps`, `count`, `sum`, `min`, `max`, `mean`, `cv`,
  /// `kish_deff`, `effective_n`), numbers that read back as the same double, null where undefined.
  public func json() -> String {
    let stepLines = steps.map { step in
      "    " + JSONText.object([
        ("step", JSONText.string(step.step)), ("rule", JSONText.string(step.rule)),
        ("column", JSONText.string(step.column)),
      ])
    }
    let numbers: [(String, Double?)] = [
      ("sum", sum), ("min", min), ("max", max), ("mean", mean), ("cv", cv), ("kish_deff", kishDeff),
      ("effective_n", effectiveN),
    ]
    var lines = [
      "  \"steps\": [" + (stepLines.isEmpty ? "]" : "\n" + stepLines.joined(separator: ",\n") + "\n  ]"),
      "  \"count\": \(count)",
    ]
    lines += numbers.map { "  \(JSONText.string($0.0)): " + JSONText.number($0.1) }
    return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
  }
}
