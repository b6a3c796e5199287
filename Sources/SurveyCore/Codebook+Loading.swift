extension Codebook {
  static let topKeys = ["survey", "id", "missing_codes", "variables", "label", "version", "description"]
  static let variableKeys = [
    "name", "label", "type", "codes", "range", "required", "unique", "relevant", "constraint", "pii",
    "aliases", "format", "missing_codes", "line_breaks", "other",
  ]
  static let otherKeys = ["code", "specify"]

  /// Reads and checks a codebook file.
  ///
  /// - Parameters:
  ///   - path: where the file is.
  ///   - displayName: how messages name the file (defaults to `path`).
  /// - Throws: ``CoreError`` naming the file, line and key of the first problem.
  public static func load(path: String, displayName: String? = nil) throws -> Codebook {
    let root = try ConfigNode.load(path: path, displayName: displayName ?? path)
    var codebook = try Codebook(root: root)
    codebook.sha256 = root.sha256
    return codebook
  }

  /// Reads and checks a codebook from YAML text.
  public static func parse(yaml: String, file: String = "codebook.yml") throws -> Codebook {
    try Codebook(root: try ConfigNode.load(text: yaml, file: file))
  }

  init(root: ConfigNode) throws {
    let record = try root.record(known: Self.topKeys)
    let survey = try record.required("survey").string()
    let idNode = try record.required("id")
    let id = try idNode.string()
    let missing = try record["missing_codes"].map(Self.codeList) ?? []
    let variablesNode = try record.required("variables")
    var variables: [Variable] = []
    for node in try variablesNode.sequence() {
      variables.append(try Self.variable(node))
    }
    self.init(survey: survey, idVariable: id, missingCodes: missing, variables: variables, file: root.file)
    sha256 = root.sha256
    try check(root: root, variableNodes: try variablesNode.sequence(), idNode: idNode)
  }

  static func codeList(_ node: ConfigNode) throws -> [CodeLabel] {
    try node.pairs().map { CodeLabel(code: $0.key, label: try $0.value.string()) }
  }

  static func variable(_ node: ConfigNode) throws -> Variable {
    let record = try node.record(known: variableKeys)
    let name = try record.required("name").string()
    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
      throw try record.required("name").invalid(
        "'\(name)' is not a usable variable name (letters, digits and _ only)")
    }
    let typeNode = try record.required("type")
    let typeName = try typeNode.string()
    guard let type = VariableType(rawValue: typeName) else {
      throw typeNode.invalid(
        "unknown type '\(typeName)' (expected \(VariableType.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    var variable = Variable(name: name, type: type, line: node.line)
    variable.label = try record["label"]?.string()
    if let codesNode = record["codes"] {
      guard type == .categorical || type == .multiple else {
        throw codesNode.invalid("codes are for categorical and multiple variables, not \(type.rawValue)")
      }
      variable.codes = try codeList(codesNode)
      if type == .multiple, variable.codes.count > 64 {
        throw codesNode.invalid("a multiple variable can have at most 64 codes")
      }
      if type == .multiple, let bad = variable.codes.first(where: { $0.code.contains(" ") }) {
        throw codesNode.invalid("the code '\(bad.code)' contains a space, which separates selected codes")
      }
    } else if type == .categorical || type == .multiple {
      throw CoreError.missingKey(file: node.file, line: node.line, key: "\(node.path).codes")
    }
    if let rangeNode = record["range"] {
      guard type.isNumeric else { throw rangeNode.invalid("range is for integer and decimal variables") }
      let bounds = try rangeNode.sequence()
      guard bounds.count == 2 else { throw rangeNode.invalid("expected [lowest, highest]") }
      let low = bounds[0].isNull ? -Double.infinity : try bounds[0].double()
      let high = bounds[1].isNull ? Double.infinity : try bounds[1].double()
      guard low <= high else { throw rangeNode.invalid("the lowest value is above the highest") }
      variable.range = low...high
    }
    variable.required = try record["required"]?.bool() ?? false
    variable.unique = try record["unique"]?.bool() ?? false
    variable.pii = try record["pii"]?.bool() ?? false
    variable.aliases = try record["aliases"]?.strings() ?? []
    if let breaksNode = record["line_breaks"] {
      guard type == .text else { throw breaksNode.invalid("line_breaks is for text variables") }
      variable.lineBreaks = try breaksNode.bool()
    }
    if let formatNode = record["format"] {
      guard type == .date else { throw formatNode.invalid("format is for date variables") }
      let pattern = try formatNode.string()
      do {
        _ = try DateFormat(pattern)
      } catch {
        throw formatNode.invalid("'\(pattern)' is not a date layout (use yyyy, yy, MM, M, dd, d)")
      }
      variable.format = pattern
    }
    if let missingNode = record["missing_codes"] {
      variable.missingCodes = try missingNode.pairs().isEmpty ? [] : try codeList(missingNode)
    }
    if let otherNode = record["other"] { variable.other = try other(otherNode, of: variable) }
    variable.relevant = try record["relevant"].map { try expression($0, allowsCurrent: false) }
    variable.constraint = try record["constraint"].map { try expression($0, allowsCurrent: true) }
    return variable
  }

  /// `other: {code, specify}` of a categorical variable; the code must be one of its codes.
  static func other(_ node: ConfigNode, of variable: Variable) throws -> OtherSpecify {
    guard variable.type == .categorical else {
      throw node.invalid("other is for categorical variables, not \(variable.type.rawValue)")
    }
    let entry = try node.record(known: otherKeys)
    let codeNode = try entry.required("code")
    let code = try codeNode.string()
    guard variable.codes.contains(where: { $0.code == code }) else {
      throw codeNode.invalid(
        "'\(code)' is not a code of \(variable.name) (its codes: \(variable.codes.map(\.code).joined(separator: ", ")))")
    }
    return OtherSpecify(code: code, specify: try entry.required("specify").string())
  }

  static func expression(_ node: ConfigNode, allowsCurrent: Bool) throws -> Expression {
    let text = try node.string()
    let expression: Expression
    do {
      expression = try Expression.parse(text)
    } catch let error as ExpressionSyntaxError {
      throw node.invalid("'\(Expression.excerpt(of: text, limit: 120))' is not a valid expression: \(error.description)")
    }
    if !allowsCurrent, expression.usesCurrent {
      throw node.invalid("'.' (this variable) can be used in constraint, not here")
    }
    return expression
  }

  func check(root: ConfigNode, variableNodes: [ConfigNode], idNode: ConfigNode) throws {
    var seen: [String: Int] = [:]
    var headerNames: [String: String] = [:]
    for (index, variable) in variables.enumerated() {
      let node = variableNodes[index]
      if seen[variable.name] != nil {
        throw node.invalid("the variable '\(variable.name)' is defined twice")
      }
      seen[variable.name] = index
      for name in [variable.name] + variable.aliases {
        let key = HeaderName.normalized(name)
        if let other = headerNames[key], other != variable.name {
          throw node.invalid("the header name '\(name)' would match both '\(other)' and '\(variable.name)'")
        }
        headerNames[key] = variable.name
      }
    }
    // One lookup table for the checks below: a form of thousands of questions is not scanned
    // once per name (the first of a name, as variable(named:) finds).
    let byName = Dictionary(variables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    guard let idVariable = byName[idVariable] else {
      throw idNode.invalid("the id variable '\(idVariable)' is not among the variables")
    }
    if idVariable.type == .multiple {
      throw idNode.invalid("the id variable cannot be a multiple-choice variable")
    }
    if idVariable.pii {
      throw idNode.invalid(
        "the id variable '\(idVariable.name)' is marked pii, but logs name records by their id; use a survey-assigned id")
    }
    for (index, variable) in variables.enumerated() {
      let record = try variableNodes[index].record(known: Self.variableKeys)
      if let other = variable.other, let node = record["other"] {
        let specifyNode = (try? node.record(known: Self.otherKeys))?["specify"] ?? node
        guard let specify = byName[other.specify] else {
          throw specifyNode.invalid("'\(other.specify)' is not a variable of the codebook")
        }
        guard specify.type == .text else {
          throw specifyNode.invalid(
            "'\(other.specify)' is \(specify.type.rawValue); the specified answer must be a text variable")
        }
      }
      for (key, expression) in [("relevant", variable.relevant), ("constraint", variable.constraint)] {
        guard let expression, let node = record[key] else { continue }
        for name in expression.variables where byName[name] == nil {
          throw node.invalid("the expression names '\(name)', which is not a variable of the codebook")
        }
        if let problem = literalProblem(in: expression, current: variable, lookup: { byName[$0] }) {
          throw node.invalid(problem)
        }
        if let division = expression.divisionByZero {
          throw node.invalid(Expression.divisionByZeroMessage(division))
        }
      }
    }
  }
}

/// How header names are compared with codebook names: case- and space-insensitively.
public enum HeaderName {
  /// `name` lower-cased with every white space removed (and a UTF-8 byte-order mark dropped).
  public static func normalized(_ name: String) -> String {
    String(name.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }.map(Character.init))
  }
}
