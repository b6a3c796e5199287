import SurveyCore

extension XLSFormTranslation {
  /// The codebook as YAML (the format of docs/codebook-and-pipeline.md), headed by comments
  /// naming the form and listing every report; every text is double-quoted.
  public func yaml(form: String) -> String {
    var lines = ["# Translated from \(form) by `survey-pipe codebook`: review it, then extend it."]
    if reports.isEmpty {
      lines.append("# Every question was translated.")
    } else {
      lines.append("# Not translated (\(reports.count)), each left out of what follows:")
      lines += reports.map { "#   \($0)" }
    }
    lines += codebookLines(id: id, variables: variables)
    return lines.joined(separator: "\n") + "\n"
  }

  /// A codebook of the survey's name and missing codes with `variables`, identified by `id`.
  func codebookLines(id: String, variables: [Variable]) -> [String] {
    var lines = ["survey: \(Self.quoted(survey))", "id: \(Self.quoted(id))"]
    if !missingCodes.isEmpty { lines.append("missing_codes: \(Self.mapping(missingCodes))") }
    lines.append("variables:")
    for variable in variables { lines += Self.entry(variable) }
    return lines
  }

  /// One variable as a block mapping.
  static func entry(_ variable: Variable) -> [String] {
    var lines = ["  - name: \(quoted(variable.name))"]
    if let label = variable.label { lines.append("    label: \(quoted(label))") }
    lines.append("    type: \(variable.type.rawValue)")
    if !variable.codes.isEmpty { lines.append("    codes: \(mapping(variable.codes))") }
    if let own = variable.missingCodes { lines.append("    missing_codes: \(mapping(own))") }
    if let format = variable.format { lines.append("    format: \(quoted(format))") }
    if variable.required { lines.append("    required: true") }
    if variable.unique { lines.append("    unique: true") }
    if variable.pii { lines.append("    pii: true") }
    if let relevant = variable.relevant { lines.append("    relevant: \(quoted(relevant.description))") }
    if let constraint = variable.constraint { lines.append("    constraint: \(quoted(constraint.description))") }
    return lines
  }

  /// `{"1": "Yes", "0": "No"}`, in order.
  static func mapping(_ codes: [CodeLabel]) -> String {
    "{" + codes.map { "\(quoted($0.code)): \(quoted($0.label))" }.joined(separator: ", ") + "}"
  }

  /// A YAML double-quoted scalar.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 { out += "\\x" + String(format2: scalar.value) } else { out.unicodeScalars.append(scalar) }
      }
    }
    return out + "\""
  }
}

extension String {
  /// Two hexadecimal digits.
  fileprivate init(format2 value: UInt32) {
    let digits = Array("0123456789ABCDEF")
    self = String([digits[Int(value >> 4) & 15], digits[Int(value) & 15]])
  }
}
