extension Pipeline {
  static let recodeKeys = ["name", "variable", "into", "map", "other", "type", "codes", "label"]
  static let deriveKeys = ["name", "label", "expression", "cut", "type", "codes"]
  static let cutKeys = ["variable", "breaks", "labels"]

  /// `clean.recode`: a list of value maps.
  static func recodes(_ node: ConfigNode) throws -> [RecodeSpec] {
    try node.sequence().map { item in
      let entry = try item.record(known: recodeKeys)
      let variable = try entry.required("variable").string()
      let into = try entry["into"]?.string() ?? variable
      let mapNode = try entry.required("map")
      let map = try mapNode.pairs().map { RecodeSpec.Entry(from: $0.key, to: try $0.value.string()) }
      if map.isEmpty { throw mapNode.invalid("give at least one 'value: new value' pair") }
      let other = try entry["other"].map {
        RecodeSpec.Other(rawValue: try $0.choice(RecodeSpec.Other.allCases.map(\.rawValue)))!
      }
      var newVariable: NewVariable?
      if into != variable {
        let typeNode = try entry.required("type")
        let type = try newType(typeNode, allowed: [.integer, .decimal, .categorical, .text])
        newVariable = NewVariable(
          name: into, type: type, codes: try codes(entry["codes"], type: type, node: typeNode),
          label: try entry["label"]?.string())
      } else {
        for key in ["type", "codes", "label"] {
          if let node = entry[key] {
            throw node.invalid(
              "'\(key)' describes a new variable; a recode in place keeps the codebook's (give 'into' a new name)")
          }
        }
      }
      return RecodeSpec(
        name: try entry["name"]?.string() ?? into, variable: variable, into: into, map: map, other: other ?? .keep,
        newVariable: newVariable, line: item.line)
    }
  }

  /// `clean.derive`: a list of new variables, each from an `expression` or a `cut`.
  static func derives(_ node: ConfigNode) throws -> [DeriveSpec] {
    try node.sequence().map { item in
      let entry = try item.record(known: deriveKeys)
      let name = try entry.required("name").string()
      let label = try entry["label"]?.string()
      switch (entry["expression"], entry["cut"]) {
      case (let expressionNode?, nil):
        let expression = try Codebook.expression(expressionNode, allowsCurrent: false)
        if expression.isCondition {
          if let typeNode = entry["type"] {
            throw typeNode.invalid("a condition's variable is categorical (0 = No, 1 = Yes)")
          }
          var codes = DeriveSpec.conditionCodes
          if let codesNode = entry["codes"] {
            codes = try Codebook.codeList(codesNode)
            guard codes.map(\.code).sorted() == ["0", "1"] else {
              throw codesNode.invalid("a condition's codes are 0 and 1")
            }
          }
          return DeriveSpec(
            variable: NewVariable(name: name, type: .categorical, codes: codes, label: label),
            rule: .expression(expression),
            line: item.line)
        }
        if let codesNode = entry["codes"] { throw codesNode.invalid("a number has no codes") }
        let type = try entry["type"].map { try newType($0, allowed: [.integer, .decimal]) } ?? .decimal
        return DeriveSpec(
          variable: NewVariable(name: name, type: type, label: label), rule: .expression(expression), line: item.line)
      case (nil, let cutNode?):
        for key in ["type", "codes"] {
          if let node = entry[key] {
            throw node.invalid("a cut's variable is categorical, coded 1, 2, … by its labels")
          }
        }
        let cut = try cutNode.record(known: cutKeys)
        let breaksNode = try cut.required("breaks")
        let breaks = try breaksNode.sequence().map { try $0.double() }
        guard !breaks.isEmpty, zip(breaks, breaks.dropFirst()).allSatisfy({ $0 < $1 }) else {
          throw breaksNode.invalid("the breaks must be one or more numbers in ascending order")
        }
        let labelsNode = try cut.required("labels")
        let labels = try labelsNode.strings()
        guard labels.count == breaks.count else {
          throw labelsNode.invalid("give one label per break (\(breaks.count)): a group starts at each break")
        }
        let codes = labels.enumerated().map { CodeLabel(code: String($0.offset + 1), label: $0.element) }
        return DeriveSpec(
          variable: NewVariable(name: name, type: .categorical, codes: codes, label: label),
          rule: .cut(variable: try cut.required("variable").string(), breaks: breaks), line: item.line)
      default:
        throw item.invalid("give exactly one of expression or cut")
      }
    }
  }

  static func newType(_ node: ConfigNode, allowed: [VariableType]) throws -> VariableType {
    VariableType(rawValue: try node.choice(allowed.map(\.rawValue)))!
  }

  /// The codes of a new variable: required for a categorical, refused for other types.
  static func codes(_ node: ConfigNode?, type: VariableType, node typeNode: ConfigNode) throws -> [CodeLabel] {
    guard type == .categorical else {
      if let node { throw node.invalid("only a categorical variable has codes") }
      return []
    }
    guard let node else { throw typeNode.invalid("a new categorical variable needs its 'codes'") }
    let codes = try Codebook.codeList(node)
    if codes.isEmpty { throw node.invalid("give at least one code") }
    return codes
  }
}
