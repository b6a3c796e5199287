import SurveyCore

extension WeightDiagnostics {
  /// The diagnostics as the JSON object of `weights.json`, byte for byte the same for the same
  /// weights: keys in a fixed order, numbers that read back as the same double, null where
  /// undefined. A step lists only the keys that apply to it; `replicates` appears only for a
  /// replicate design.
  public func json() -> String {
    let stepLines = steps.map { "    " + Self.stepJSON($0) }
    let targetLines = finalTargets.map { "    " + Self.targetJSON($0) }
    let numbers: [(String, Double?)] = [
      ("sum", sum), ("min", min), ("max", max), ("mean", mean), ("cv", cv), ("kish_deff", kishDeff),
      ("effective_n", effectiveN),
    ]
    var lines = [
      "  \"steps\": " + Self.list(stepLines),
      "  \"final_targets\": " + Self.list(targetLines),
      "  \"rows\": \(rows)",
      "  \"count\": \(count)",
      "  \"zero_weights\": \(zeros)",
    ]
    lines += numbers.map { "  \(JSONText.string($0.0)): " + JSONText.number($0.1) }
    if let replicates {
      let rscales = replicates.rscales.map { JSONText.number($0) }.joined(separator: ", ")
      lines.append(
        "  \"replicates\": {\"method\": \(JSONText.string(replicates.method)), \"count\": \(replicates.count), "
          + "\"scale\": \(JSONText.number(replicates.scale)), \"rscales\": [\(rscales)], \"mse\": \(replicates.mse), "
          + "\"origin\": \(JSONText.string(replicates.origin))}")
    }
    return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
  }

  static func list(_ lines: [String]) -> String {
    lines.isEmpty ? "[]" : "[\n" + lines.joined(separator: ",\n") + "\n  ]"
  }

  static func stepJSON(_ step: WeightStep) -> String {
    var pairs: [(String, String)] = [
      ("step", JSONText.string(step.step)), ("method", JSONText.string(step.method)),
      ("columns", "[" + step.columns.map { JSONText.string($0) }.joined(separator: ", ") + "]"),
    ]
    if let margins = step.margins { pairs.append(("margins", JSONText.string(margins))) }
    if let iterations = step.iterations { pairs.append(("iterations", String(iterations))) }
    if let converged = step.converged { pairs.append(("converged", converged ? "true" : "false")) }
    if let epsilon = step.epsilon { pairs.append(("epsilon", JSONText.number(epsilon))) }
    if let maxit = step.maxit { pairs.append(("maxit", String(maxit))) }
    if step.lower != nil || step.upper != nil {
      pairs.append(("lower", JSONText.number(step.lower)))
      pairs.append(("upper", JSONText.number(step.upper)))
    }
    if let trimmed = step.trimmed { pairs.append(("trimmed", String(trimmed))) }
    if let rounds = step.rounds { pairs.append(("rounds", String(rounds))) }
    if !step.classes.isEmpty {
      pairs.append(("classes", "[" + step.classes.map(classJSON).joined(separator: ", ") + "]"))
    }
    if !step.targets.isEmpty {
      pairs.append(("max_relative_error", JSONText.number(step.maxRelativeError)))
      pairs.append(("targets", "[" + step.targets.map(targetJSON).joined(separator: ", ") + "]"))
    }
    pairs.append(
      ("after", JSONText.object([
        ("count", String(step.after.count)), ("zero_weights", String(step.after.zeros)),
        ("sum", JSONText.number(step.after.sum)), ("min", JSONText.number(step.after.min)),
        ("max", JSONText.number(step.after.max)),
      ])))
    return JSONText.object(pairs)
  }

  static func targetJSON(_ target: MarginCheck) -> String {
    JSONText.object([
      ("variable", JSONText.string(target.variable)), ("level", JSONText.string(target.level)),
      ("target", JSONText.number(target.target)), ("achieved", JSONText.number(target.achieved)),
      ("relative_error", JSONText.number(target.relativeError)),
    ])
  }

  static func classJSON(_ adjustment: ClassAdjustment) -> String {
    JSONText.object([
      ("class", JSONText.object(adjustment.levels.map { ($0.variable, JSONText.string($0.level)) })),
      ("respondents", String(adjustment.respondents)), ("nonrespondents", String(adjustment.nonrespondents)),
      ("factor", JSONText.number(adjustment.factor)),
    ])
  }
}
