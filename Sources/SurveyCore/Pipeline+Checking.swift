extension Pipeline {
  /// Checks that the recodes and derived variables, the design and the tables name variables of
  /// `codebook` (or variables the pipeline adds: ``outputCodebook(_:)``) with suitable types.
  ///
  /// - Throws: ``CoreError/invalidValue(file:line:key:problem:)`` naming the pipeline's key.
  public func check(against codebook: Codebook) throws {
    let codebook = try checkTransforms(against: codebook)
    func fail(_ line: Int?, _ key: String, _ problem: String) -> CoreError {
      .invalidValue(file: file, line: line, key: key, problem: problem)
    }
    func lookup(_ name: String, _ line: Int?, _ key: String) throws -> Variable {
      guard let variable = codebook.variable(named: name) else {
        throw fail(line, key, "'\(name)' is not a variable of the codebook \(codebook.file)")
      }
      return variable
    }
    // A table's `by` variables: categorical, not personal data.
    func checkDomains(_ table: TableSpec, key: String) throws {
      for name in table.by {
        let by = try lookup(name, table.line, "\(key).by")
        guard by.type == .categorical else {
          throw fail(table.line, "\(key).by", "'\(name)' is \(by.type.rawValue); domains need a categorical variable")
        }
        if by.pii { throw fail(table.line, "\(key).by", "'\(name)' is personal data (pii)") }
      }
      if let filter = table.filter {
        var first: Variable?
        for name in filter.variables {
          let variable = try lookup(name, table.line, "\(key).filter")
          // The filter is printed under the table's title: personal data never reaches it.
          if variable.pii { throw fail(table.line, "\(key).filter", "'\(name)' is personal data (pii)") }
          first = first ?? variable
        }
        if let first, let problem = codebook.literalProblem(in: filter, current: first) {
          throw fail(table.line, "\(key).filter", problem)
        }
      }
    }
    if let design {
      for (key, name) in [("weight", design.weight), ("prob", design.probability)] + design.fpc.map({ ("fpc", $0) }) {
        guard let name else { continue }
        let variable = try lookup(name, design.line, "design.\(key)")
        guard variable.type.isNumeric else {
          throw fail(design.line, "design.\(key)", "'\(name)' must be an integer or decimal variable")
        }
      }
      if let pattern = design.replicates?.columns {
        guard let names = ReplicateSpec.columnNames(matching: pattern, in: codebook.variables.map(\.name)) else {
          throw fail(design.line, "design.repweights", "'\(pattern)' is not a valid regular expression")
        }
        if names.isEmpty {
          throw fail(design.line, "design.repweights", "no variable of the codebook \(codebook.file) is named '\(pattern)' followed by a number, or matches it")
        }
        for name in names where !(try lookup(name, design.line, "design.repweights")).type.isNumeric {
          throw fail(design.line, "design.repweights", "'\(name)' must be an integer or decimal variable")
        }
      }
      for (key, name) in [("strata", design.strata)] + design.psu.map({ ("psu", $0) }) {
        guard let name else { continue }
        let variable = try lookup(name, design.line, "design.\(key)")
        guard variable.type != .multiple else {
          throw fail(design.line, "design.\(key)", "'\(name)' is a multiple-choice variable")
        }
      }
    }
    if let weighting { try checkWeighting(weighting, against: codebook) }
    if let checks { try checkChecks(checks, against: codebook) }
    for (index, table) in tables.enumerated() {
      let key = "tables[\(index)]"
      if let association = table.association {
        for name in association.variables {
          let variable = try lookup(name, table.line, "\(key).chisq")
          guard !variable.pii else { throw fail(table.line, "\(key).chisq", "'\(name)' is personal data (pii)") }
          guard variable.type == .categorical else {
            throw fail(table.line, "\(key).chisq", "'\(name)' is \(variable.type.rawValue); a test of association needs categorical variables")
          }
        }
        continue
      }
      if let rate = table.rate {
        for name in [rate.numerator] + (rate.denominator.map { [$0] } ?? []) {
          let variable = try lookup(name, table.line, "\(key).rate")
          guard !variable.pii else {
            throw fail(table.line, "\(key).rate", "'\(name)' is personal data (pii) and cannot be tabulated")
          }
          guard variable.type.isNumeric || RateSpec.isCondition(variable) else {
            let what = variable.type == .categorical ? "categorical with codes other than 0 and 1" : variable.type.rawValue
            throw fail(table.line, "\(key).rate", "'\(name)' is \(what); a rate counts an integer or decimal variable (a count) or a condition coded 0 = No, 1 = Yes")
          }
        }
        try checkDomains(table, key: key)
        continue
      }
      if let (numerator, denominator) = ratioParts(table.variable), table.statistic == .ratio {
        for name in [numerator, denominator] {
          let variable = try lookup(name, table.line, "\(key).ratio")
          guard !variable.pii else {
            throw fail(table.line, "\(key).ratio", "'\(name)' is personal data (pii) and cannot be tabulated")
          }
          guard variable.type.isNumeric else {
            throw fail(table.line, "\(key).ratio", "'\(name)' is \(variable.type.rawValue); a ratio needs integer or decimal variables")
          }
        }
        try checkDomains(table, key: key)
        continue
      }
      let variable = try lookup(table.variable, table.line, "\(key).\(table.statistic.rawValue)")
      if variable.pii {
        throw fail(table.line, "\(key).\(table.statistic.rawValue)", "'\(variable.name)' is personal data (pii) and cannot be tabulated")
      }
      switch table.statistic {
      case .mean, .quantile:
        let what = table.statistic == .mean ? "a mean" : "a quantile"
        guard variable.type.isNumeric else {
          throw fail(table.line, "\(key).\(table.statistic.rawValue)", "'\(variable.name)' is \(variable.type.rawValue); \(what) needs an integer or decimal variable (use proportion for categories)")
        }
      case .total:
        guard variable.type.isNumeric || variable.type == .categorical else {
          throw fail(table.line, "\(key).total", "'\(variable.name)' is \(variable.type.rawValue); a total needs a numeric or categorical variable")
        }
      case .proportion:
        guard variable.type == .categorical else {
          throw fail(table.line, "\(key).proportion", "'\(variable.name)' is \(variable.type.rawValue); a proportion needs a categorical variable")
        }
      case .ratio, .rate:
        // A ratio whose variable is not NUM/DEN, or a rate without its spec, never gets here:
        // loading refuses it.
        throw fail(table.line, "\(key).\(table.statistic.rawValue)", "a \(table.statistic.rawValue) needs its parts")
      }
      try checkDomains(table, key: key)
    }
  }


  /// Checks that the weighting steps name variables of `codebook` that can define classes or
  /// margins (not multi-selects, not personal data).
  func checkWeighting(_ weighting: WeightingSpec, against codebook: Codebook) throws {
    var named: [(key: String, names: [String])] = []
    if let nonresponse = weighting.nonresponse {
      named.append(("weighting.nonresponse.response", [nonresponse.response]))
      named.append(("weighting.nonresponse.classes", nonresponse.classes))
    }
    if let post = weighting.postStratify { named.append(("weighting.poststratify.variable", MarginName.parts(post.variable))) }
    if let rake = weighting.rake { named.append(("weighting.rake.variables", rake.variables.flatMap(MarginName.parts))) }
    if let calibrate = weighting.calibrate {
      named.append(("weighting.calibrate.variables", calibrate.variables.flatMap(MarginName.parts)))
    }
    for (key, names) in named {
      for name in names {
        guard let variable = codebook.variable(named: name) else {
          throw CoreError.invalidValue(
            file: file, line: weighting.line, key: key, problem: "'\(name)' is not a variable of the codebook \(codebook.file)")
        }
        guard variable.type != .multiple, variable.type != .text || key.hasSuffix("classes") else {
          throw CoreError.invalidValue(
            file: file, line: weighting.line, key: key,
            problem: "'\(name)' is \(variable.type.rawValue); weighting needs categorical or numeric variables")
        }
        if variable.pii {
          throw CoreError.invalidValue(file: file, line: weighting.line, key: key, problem: "'\(name)' is personal data (pii)")
        }
      }
    }
  }
}
