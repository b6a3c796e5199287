extension Pipeline {
  static let checksKeys = ["enumerator", "duration", "fieldwork", "dont_know", "outliers", "resubmissions"]
  static let durationKeys = ["start", "end", "min_minutes"]
  static let fieldworkKeys = ["date", "from", "to"]
  static let dontKnowKeys = ["max_share", "min_answers"]
  static let outlierKeys = ["variables", "k"]

  /// The `checks:` section.
  static func checks(_ node: ConfigNode) throws -> ChecksSpec {
    let entry = try node.record(known: checksKeys)
    var spec = ChecksSpec()
    spec.lines["checks"] = node.line
    for key in checksKeys {
      if let line = entry[key]?.line { spec.lines["checks.\(key)"] = line }
    }
    spec.enumerator = try entry["enumerator"]?.string()
    spec.resubmissions = try entry["resubmissions"]?.string()
    if let node = entry["duration"] {
      let step = try node.record(known: durationKeys)
      let minutes = try step.required("min_minutes")
      let value = try minutes.double()
      guard value > 0 else { throw minutes.invalid("expected a number of minutes above 0") }
      spec.duration = DurationCheck(
        start: try step.required("start").string(), end: try step.required("end").string(), minMinutes: value)
    }
    if let node = entry["fieldwork"] {
      let step = try node.record(known: fieldworkKeys)
      func day(_ key: String) throws -> CivilDate {
        let value = try step.required(key)
        guard let date = DateFormat.iso.parse(try value.string()) else {
          throw value.invalid("expected a date written yyyy-MM-dd")
        }
        return date
      }
      let from = try day("from")
      let to = try day("to")
      guard from <= to else { throw node.invalid("'from' is after 'to'") }
      spec.fieldwork = FieldworkCheck(date: try step.required("date").string(), from: from, to: to)
    }
    if let node = entry["dont_know"] {
      let step = try node.record(known: dontKnowKeys)
      let share = try step.required("max_share")
      let maxShare = try share.double()
      guard maxShare >= 0, maxShare < 1 else {
        throw share.invalid("expected a share from 0 up to (not including) 1, such as 0.25")
      }
      let answers = try step.required("min_answers")
      let minAnswers = try answers.int()
      guard minAnswers >= 1 else { throw answers.invalid("expected a count of answers, 1 or more") }
      guard spec.enumerator != nil else {
        throw node.invalid("dont_know counts answers by enumerator: give checks.enumerator too")
      }
      spec.dontKnow = DontKnowCheck(maxShare: maxShare, minAnswers: minAnswers)
    }
    if let node = entry["outliers"] {
      let step = try node.record(known: outlierKeys)
      let variables = try step.required("variables")
      let names = try variables.strings()
      guard !names.isEmpty else { throw variables.invalid("name at least one variable") }
      let kNode = try step.required("k")
      let k = try kNode.double()
      guard k > 0 else { throw kNode.invalid("expected a number of interquartile ranges above 0, such as 1.5 or 3") }
      spec.outliers = OutlierCheck(variables: names, k: k)
    }
    return spec
  }

  /// Checks that `checks` names variables of `codebook` of the types each check needs.
  ///
  /// - Throws: ``CoreError/invalidValue(file:line:key:problem:)`` naming the pipeline's key.
  func checkChecks(_ checks: ChecksSpec, against codebook: Codebook) throws {
    func variable(_ name: String, _ key: String, _ allowed: [VariableType], _ needs: String) throws {
      let line = checks.lines["checks.\(key.split(separator: ".").first!)"] ?? checks.lines["checks"]
      guard let variable = codebook.variable(named: name) else {
        throw CoreError.invalidValue(
          file: file, line: line, key: "checks.\(key)", problem: "'\(name)' is not a variable of the codebook \(codebook.file)")
      }
      guard allowed.contains(variable.type) else {
        throw CoreError.invalidValue(
          file: file, line: line, key: "checks.\(key)", problem: "'\(name)' is \(variable.type.rawValue); \(needs)")
      }
      if variable.pii, key == "enumerator" {
        throw CoreError.invalidValue(
          file: file, line: line, key: "checks.\(key)",
          problem: "'\(name)' is personal data (pii), but logs and the report name enumerators")
      }
    }
    let identifying: [VariableType] = [.text, .categorical, .integer]
    if let name = checks.enumerator {
      try variable(name, "enumerator", identifying, "an enumerator column must be text, categorical or integer")
    }
    if let name = checks.resubmissions {
      try variable(name, "resubmissions", identifying, "a submission id must be text, categorical or integer")
    }
    if let duration = checks.duration {
      for (key, name) in [("start", duration.start), ("end", duration.end)] {
        try variable(name, "duration.\(key)", [.datetime], "an interview's \(key) must be a datetime variable")
      }
    }
    if let fieldwork = checks.fieldwork {
      try variable(fieldwork.date, "fieldwork.date", [.date, .datetime], "fieldwork dates need a date or datetime variable")
    }
    if let outliers = checks.outliers {
      for name in outliers.variables {
        try variable(name, "outliers.variables", [.integer, .decimal], "outliers need an integer or decimal variable")
      }
    }
  }
}
