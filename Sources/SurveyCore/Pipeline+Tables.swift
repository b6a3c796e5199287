import Foundation

extension Pipeline {
  /// One entry of `tables:`: an estimate table (one of mean, total, proportion, ratio, quantile,
  /// rate) or a test of association (`chisq:`), with what it measures (`indicator:`). A rate's
  /// population file is resolved against `directory`.
  static func table(_ node: ConfigNode, directory: String = "") throws -> TableSpec {
    let entry = try node.record(known: tableKeys)
    var table = try statisticTable(node, entry: entry, directory: directory)
    table.indicator = try entry["indicator"].map(indicator)
    return table
  }

  /// The table of `entry` (the mapping `node`) without its indicator.
  static func statisticTable(_ node: ConfigNode, entry: ConfigRecord, directory: String) throws -> TableSpec {
    let name = try entry.required("name").string()
    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
      throw try entry.required("name").invalid("'\(name)' cannot be a file name (letters, digits, _ and - only)")
    }
    if let chisq = entry["chisq"] {
      if let filter = entry["filter"] {
        throw filter.invalid("a test of association runs on every row: filter is not available on chisq tables yet")
      }
      return try association(chisq, entry: entry, name: name, line: node.line)
    }
    let given = Statistic.allCases.filter { entry[$0.rawValue] != nil }
    guard given.count == 1, let statistic = given.first else {
      throw node.invalid("give exactly one of mean, total, proportion, ratio, quantile or rate")
    }
    if statistic == .rate { return try rateTable(entry, name: name, directory: directory, line: node.line) }
    var table = TableSpec(
      name: name, statistic: statistic, variable: try entry.required(statistic.rawValue).string(), line: node.line)
    if statistic == .ratio, ratioParts(table.variable) == nil {
      throw try entry.required("ratio").invalid("a ratio is NUMERATOR/DENOMINATOR, such as oop_cost/household_size")
    }
    try quantileOptions(&table, entry: entry)
    table.by = try entry["by"]?.strings() ?? []
    // Proportions default to logit intervals, which never leave [0, 1].
    table.interval = try entry["ci"].map { try interval($0, statistic: statistic) } ?? (statistic == .proportion ? .logit : .wald)
    table.level = try level(entry) ?? table.level
    table.deff = try entry["deff"]?.bool() ?? false
    if statistic == .quantile {
      if let node = entry["difference"] {
        throw node.invalid("quantiles have no difference between domains: their covariance is not known on a linearized design (nor in R's svyby)")
      }
      if let node = entry["deff"], table.deff { throw node.invalid("quantiles have no design effect (nor in R's svyquantile)") }
    }
    if let node = entry["difference"] { table.difference = try difference(node, by: table.by) }
    table.filter = try entry["filter"].map { try Codebook.expression($0, allowsCurrent: false) }
    return table
  }

  /// A table's `level:`, strictly between 0 and 1; nil when it has none.
  static func level(_ entry: ConfigRecord) throws -> Double? {
    guard let level = entry["level"] else { return nil }
    let value = try level.double()
    guard value > 0, value < 1 else { throw level.invalid("the level must be between 0 and 1, such as 0.95") }
    return value
  }

  /// A table's `ci:`: one of the methods, those of `svyciprop` for proportions only, and for
  /// quantiles those of R's `interval.type` (every one but likelihood).
  static func interval(_ node: ConfigNode, statistic: Statistic) throws -> IntervalMethod {
    let method = try node.string()
    guard let interval = IntervalMethod(rawValue: method) else {
      let names = IntervalMethod.allCases.map(\.rawValue).joined(separator: ", ")
      throw node.invalid("unknown interval '\(method)' (expected one of \(names))")
    }
    // A quantile's interval is its proportion's mapped back (R's interval.type).
    if interval.isProportionOnly, statistic != .proportion, statistic != .quantile {
      throw node.invalid("\(method) intervals are for proportions and quantiles; a \(statistic.rawValue) takes wald")
    }
    if interval == .likelihood, statistic == .quantile {
      throw node.invalid("likelihood intervals are for proportions; a quantile takes wald, xlogit, asin or beta (R's interval.type)")
    }
    return interval
  }

  /// A quantile table's probabilities (`quantile: V@P1,P2`, or `probabilities: [P1, P2]`, the
  /// median by default) and `quantile_rule`; refuses both keys on other tables.
  static func quantileOptions(_ table: inout TableSpec, entry: ConfigRecord) throws {
    guard table.statistic == .quantile else {
      for key in ["probabilities", "quantile_rule"] {
        if let node = entry[key] { throw node.invalid("\(key) is for quantile tables") }
      }
      return
    }
    let node = try entry.required("quantile")
    guard let request = QuantileRequest(table.variable) else {
      throw node.invalid("write a quantile as VARIABLE or VARIABLE@P1,P2 with probabilities from 0 to 1, such as oop_cost@0.25,0.5,0.75")
    }
    table.variable = request.variable
    table.probabilities = request.probabilities
    if let list = entry["probabilities"] {
      guard !(try node.string()).contains("@") else {
        throw list.invalid("give the probabilities once: after @ in quantile, or here")
      }
      table.probabilities = try list.list().map { item in
        let p = try item.double()
        guard p >= 0, p <= 1 else { throw item.invalid("a probability is from 0 to 1, such as 0.5") }
        return p
      }
      guard !table.probabilities.isEmpty else { throw list.invalid("give at least one probability, such as [0.5]") }
    }
    if let rule = entry["quantile_rule"] {
      table.quantileRule = QuantileRule(rawValue: try rule.choice(QuantileRule.allCases.map(\.rawValue)))!
    }
  }

  /// A table `{name, chisq: [A, B], chisq_statistic: F}`: a test of association, nothing else.
  static func association(_ node: ConfigNode, entry: ConfigRecord, name: String, line: Int?) throws -> TableSpec {
    for key in ["mean", "total", "proportion", "ratio", "by", "ci", "difference", "deff"] {
      if let other = entry[key] { throw other.invalid("a chisq table takes no \(key); its test is the whole table") }
    }
    let variables = try node.strings()
    guard variables.count == 2, variables[0] != variables[1] else {
      throw node.invalid("a test of association names two categorical variables, such as [insured_cnam, migrant_status]")
    }
    var spec = AssociationSpec(variables: variables)
    if let statistic = entry["chisq_statistic"] {
      let text = try statistic.string()
      guard AssociationSpec.statistics.contains(text) else {
        throw statistic.invalid("unknown statistic '\(text)' (expected one of \(AssociationSpec.statistics.joined(separator: ", ")))")
      }
      spec.statistic = text
    }
    var table = TableSpec(name: name, statistic: .proportion, variable: variables.joined(separator: ":"), line: line)
    table.association = spec
    if let level = entry["level"] { throw level.invalid("a chisq table takes no level") }
    return table
  }

  /// `difference: {VARIABLE: [FROM, TO]}`, VARIABLE one of the table's `by`.
  static func difference(_ node: ConfigNode, by: [String]) throws -> DifferenceSpec {
    let pairs = try node.pairs()
    guard pairs.count == 1, let (variable, levelsNode) = pairs.first else {
      throw node.invalid("write difference: {VARIABLE: [FROM, TO]}, such as {round: [1, 2]}")
    }
    let levels = try levelsNode.strings()
    guard levels.count == 2, levels[0] != levels[1], !levels[0].isEmpty, !levels[1].isEmpty else {
      throw levelsNode.invalid("a difference compares two levels, [FROM, TO], such as [1, 2]")
    }
    guard by.contains(variable) else {
      throw node.invalid("a difference compares levels of a by-variable; add '\(variable)' to by")
    }
    return DifferenceSpec(variable: variable, from: levels[0], to: levels[1])
  }
}
