extension Pipeline {
  static let rateKeys = ["numerator", "denominator", "per", "population", "year", "source"]
  static let indicatorKeys = ["code", "name", "definition", "counts"]

  /// A table `{name, rate: {numerator, per, population: FILE | denominator: VAR}, by, filter}`.
  static func rateTable(_ entry: ConfigRecord, name: String, directory: String, line: Int?) throws -> TableSpec {
    let node = try entry.required("rate")
    let rate = try Self.rate(node, directory: directory)
    for key in ["deff", "difference", "probabilities", "quantile_rule", "chisq_statistic"] {
      if let other = entry[key] { throw other.invalid("a rate table takes no \(key)") }
    }
    var table = TableSpec(name: name, statistic: .rate, variable: rate.variable, line: line)
    table.rate = rate
    table.by = try entry["by"]?.strings() ?? []
    if let ci = entry["ci"] {
      guard try ci.string() == IntervalMethod.wald.rawValue else { throw ci.invalid("a rate takes wald intervals") }
    }
    if let level = entry["level"] {
      let value = try level.double()
      guard value > 0, value < 1 else { throw level.invalid("the level must be between 0 and 1, such as 0.95") }
      table.level = value
    }
    table.filter = try entry["filter"].map { try Codebook.expression($0, allowsCurrent: false) }
    if let year = try node.record(known: rateKeys)["year"], table.by.contains(PopulationTable.yearColumn) {
      throw year.invalid("the table is by year, so each row takes its own year's population: remove year")
    }
    return table
  }

  /// `rate: {numerator: VAR, per: N, population: FILE, year: Y, source: TEXT}` or
  /// `rate: {numerator: VAR, denominator: VAR, per: N}`.
  static func rate(_ node: ConfigNode, directory: String) throws -> RateSpec {
    let entry = try node.record(known: rateKeys)
    let numerator = try entry.required("numerator").string()
    let perNode = try entry.required("per")
    let per = try perNode.double()
    guard per > 0, per.isFinite else { throw perNode.invalid("per is the rate's unit, a number above 0 such as 1000 or 10000") }
    var rate = RateSpec(numerator: numerator, per: per)
    rate.denominator = try entry["denominator"]?.string()
    rate.population = try entry["population"].map { FileGlob.resolve(try $0.string(), against: directory) }
    switch (rate.denominator, rate.population) {
    case (nil, nil): throw node.invalid("give the rate's denominator: population: FILE (an outside population) or denominator: VARIABLE")
    case (.some, .some): throw node.invalid("give population or denominator, not both")
    default: break
    }
    for key in ["year", "source"] where rate.population == nil {
      if let other = entry[key] { throw other.invalid("\(key) describes a population file; this rate has none") }
    }
    rate.year = try entry["year"]?.string()
    rate.source = try entry["source"]?.string()
    return rate
  }

  /// `indicator: {code, name, definition, counts}`.
  static func indicator(_ node: ConfigNode) throws -> IndicatorSpec {
    let entry = try node.record(known: indicatorKeys)
    var indicator = IndicatorSpec(
      code: try entry.required("code").string(), name: try entry.required("name").string(),
      definition: try entry.required("definition").string())
    indicator.counts = try entry["counts"]?.string()
    return indicator
  }

  /// `design: {census: true}`, and nothing else: a census has no weight, strata, PSUs, fpc,
  /// lonely PSUs or replicates.
  static func censusDesign(_ entry: ConfigRecord, node: ConfigNode) throws -> DesignSpec {
    for key in designKeys where key != "census" {
      if let other = entry[key] {
        throw other.invalid("a census (census: true) has no \(key): every unit of the population is a row, with weight 1")
      }
    }
    var design = DesignSpec()
    design.census = true
    design.line = node.line
    return design
  }

  /// The population files the pipeline's rate tables name, each once, in table order.
  public var populationFiles: [String] {
    var seen = Set<String>()
    return tables.compactMap { $0.rate?.population }.filter { seen.insert($0).inserted }
  }
}
