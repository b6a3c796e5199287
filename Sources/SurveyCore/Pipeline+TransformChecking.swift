extension Pipeline {
  /// The variables of the clean table: the codebook's, then each new variable of `clean.recode`
  /// and `clean.derive` in pipeline order. A new variable is personal data (`pii`) when any
  /// variable it is computed from is.
  public func outputCodebook(_ codebook: Codebook) -> Codebook {
    var output = codebook
    for recode in clean.recodes {
      guard let new = recode.newVariable else { continue }
      output.variables.append(Self.variable(new, inputs: [recode.variable], in: output))
    }
    for derive in clean.derives {
      output.variables.append(Self.variable(derive.variable, inputs: derive.inputs, in: output))
    }
    return output
  }

  static func variable(_ new: NewVariable, inputs: [String], in codebook: Codebook) -> Variable {
    Variable(
      name: new.name, label: new.label, type: new.type, codes: new.codes,
      pii: inputs.contains { codebook.variable(named: $0)?.pii ?? false }, missingCodes: [])
  }

  /// Checks `clean.recode` and `clean.derive` against `codebook`: the variables they read
  /// exist (in the codebook or made by an earlier entry) and have suitable types, new names are
  /// new, and every value a map writes is a value of its variable.
  ///
  /// - Returns: ``outputCodebook(_:)``.
  /// - Throws: ``CoreError/invalidValue(file:line:key:problem:)`` naming the entry's key.
  func checkTransforms(against codebook: Codebook) throws -> Codebook {
    var output = codebook
    func fail(_ line: Int?, _ key: String, _ problem: String) -> CoreError {
      .invalidValue(file: file, line: line, key: key, problem: problem)
    }
    func lookup(_ name: String, _ line: Int?, _ key: String) throws -> Variable {
      guard let variable = output.variable(named: name) else {
        throw fail(
          line, key,
          "'\(name)' is not a variable of the codebook \(codebook.file) nor made by an earlier recode or derive")
      }
      return variable
    }
    func isNew(_ name: String, _ line: Int?, _ key: String) throws {
      if output.variable(named: name) != nil {
        throw fail(
          line, key, "'\(name)' is already a variable; recodes and derives add variables, they do not overwrite one")
      }
    }
    for (index, recode) in clean.recodes.enumerated() {
      let key = "clean.recode[\(index)]"
      let source = try lookup(recode.variable, recode.line, "\(key).variable")
      guard source.type != .multiple else {
        throw fail(recode.line, "\(key).variable", "'\(source.name)' is a multi-select; recode single values")
      }
      if recode.inPlace, source.unique || source.name == codebook.idVariable {
        throw fail(
          recode.line, "\(key).variable",
          "'\(source.name)' must stay unique (logs and decisions name records by the id); recode it into a new variable"
        )
      }
      for entry in recode.map {
        if let problem = Self.valueProblem(entry.from, of: source) {
          throw fail(recode.line, "\(key).map", "'\(entry.from)' \(problem), so it would never match")
        }
      }
      let target = recode.newVariable.map { Self.variable($0, inputs: [], in: output) } ?? source
      if recode.newVariable != nil { try isNew(recode.into, recode.line, "\(key).into") }
      for entry in recode.map {
        if let problem = Self.valueProblem(entry.to, of: target) {
          throw fail(recode.line, "\(key).map", "'\(entry.from)' maps to '\(entry.to)', which \(problem)")
        }
      }
      if let new = recode.newVariable {
        output.variables.append(Self.variable(new, inputs: [recode.variable], in: output))
      }
    }
    for (index, derive) in clean.derives.enumerated() {
      let key = "clean.derive[\(index)]"
      try isNew(derive.name, derive.line, "\(key).name")
      switch derive.rule {
      case .expression(let expression):
        for name in expression.variables { _ = try lookup(name, derive.line, "\(key).expression") }
        if let problem = Self.arithmeticProblem(in: expression, codebook: output)
          ?? output.literalProblem(in: expression, current: Self.variable(derive.variable, inputs: [], in: output))
        {
          throw fail(derive.line, "\(key).expression", problem)
        }
        if let division = expression.divisionByZero {
          throw fail(derive.line, "\(key).expression", Expression.divisionByZeroMessage(division))
        }
      case .cut(let name, _):
        let variable = try lookup(name, derive.line, "\(key).cut.variable")
        guard variable.type.isNumeric else {
          throw fail(
            derive.line, "\(key).cut.variable",
            "'\(name)' is \(variable.type.rawValue); a cut needs an integer or decimal variable")
        }
      }
      output.variables.append(Self.variable(derive.variable, inputs: derive.inputs, in: output))
    }
    return output
  }

  /// Why `text` is not a value `variable` can hold (words that follow the value), or nil.
  static func valueProblem(_ text: String, of variable: Variable) -> String? {
    switch variable.type {
    case .integer, .decimal:
      guard case .success(let number) = NumberText.read(text, integer: variable.type == .integer) else {
        let kind = variable.type == .integer ? "a whole number" : "a number"
        return "is not \(kind) (\(variable.name) is \(variable.type.rawValue))"
      }
      if let range = variable.range, !range.contains(number) { return "is outside the range of \(variable.name)" }
      return nil
    case .categorical:
      return variable.codes.contains { $0.code == text } ? nil : "is not a code of \(variable.name)"
    case .date:
      return DateFormat.iso.parse(text) == nil ? "is not an ISO date (yyyy-MM-dd)" : nil
    case .datetime:
      return ISODateTime.milliseconds(text) == nil ? "is not an ISO 8601 date-time" : nil
    case .text: return nil
    case .multiple: return "is not a single value"
    }
  }

  /// Why `expression` cannot be computed as a number where it needs one (an operand of `+ - * /`
  /// or the whole of a value expression that is text, a multi-select, or codes that are not
  /// numbers), or nil.
  static func arithmeticProblem(in expression: Expression, codebook: Codebook) -> String? {
    func problem(_ operand: Expression) -> String? {
      switch operand {
      case .string(let text): return "'\(text)' is text; arithmetic needs numbers"
      case .variable(let name):
        guard let variable = codebook.variable(named: name) else { return nil }
        switch variable.type {
        case .integer, .decimal, .date: return nil
        case .categorical where variable.codes.allSatisfy({ Double($0.code) != nil }): return nil
        default:
          let codes = variable.type == .categorical ? " with codes that are not numbers" : ""
          return "'\(name)' is \(variable.type.rawValue)\(codes); arithmetic needs numbers"
        }
      default:
        return operand.isCondition ? "'\(operand.excerpt(limit: 60))' is a condition; arithmetic needs numbers" : nil
      }
    }
    if !expression.isCondition, let found = problem(expression) { return found }
    return expression.firstResult { node -> String? in
      switch node {
      case .binary(let op, let lhs, let rhs) where !op.isComparison: return problem(lhs) ?? problem(rhs)
      case .negate(let inner): return problem(inner)
      default: return nil
      }
    }
  }
}
