extension Pipeline {
  static let rateKeys = ["numerator", "denominator", "per", "population", "year", "source"]
  static let indicatorKeys = ["code", "name", "definition", "counts"]

  /// A table `{name, rate: {numerator, per, population: FILE | denominator: VAR}, by, filter}`.
  static func rateTable(_ entry: ConfigRecord, name: String, directory: String, line: Int?) throws -> TableSpec {
    for key in ["deff", "difference", "probabilities", "quantile_rule", "chisq_statistic"] {
      if let other = entry[key] { throw other.invalid("a rate table takes no \(key)") }
    }
    let by = try entry["by"]?.strings() ?? []
    let rate = try Self.rate(try entry.required("rate"), by: by, directory: directory)
    var table = TableSpec(name: name, statistic: .rate, variable: rate.variable, by: by, line: line)
    table.rate = rate
    if let ci = entry["ci"] {
      guard try ci.string() == IntervalMethod.wald.rawValue else { throw ci.invalid("a rate takes wald intervals") }
    }
    table.level = try level(entry) ?? table.level
    table.filter = try entry["filter"].map { try Codebook.expression($0, allowsCurrent: false) }
    return table
  }

  /// `rate: {numerator: VAR, per: N, population: FILE, year: Y, source: TEXT}` or
  /// `rate: {numerator: VAR, denominator: VAR, per: N}`, of a table by `by`.
  static func rate(_ node: ConfigNode, by: [String], directory: String) throws -> RateSpec {
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
    if let year = entry["year"], by.contains(PopulationTable.yearColumn) {
      throw year.invalid("the table is by year, so each row takes its own year's population: remove year")
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
