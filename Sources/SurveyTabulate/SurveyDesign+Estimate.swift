import SurveyCore

extension SurveyDesign {
  /// Estimates `statistic` of `variable` in every domain.
  ///
  /// A numeric variable gives one row per domain (its mean or total). A categorical variable
  /// gives one row per level per domain, for every level of the column (also levels absent
  /// from a domain, estimated as 0): the proportion of the domain in the level, or its total.
  /// Rows without a value are left out (R's `na.rm = TRUE`); a domain whose rows all lack one
  /// gets a row with no estimate, df 0 and n 0. Rows are ordered by domain, then level.
  ///
  /// - Parameters:
  ///   - statistic: mean (numeric), total or proportion.
  ///   - variable: the analysis column.
  ///   - domains: from ``domains(by:)``.
  ///   - options: confidence level and interval, design effects.
  /// - Throws: ``TabulateError`` for an unknown column, a mean of a non-numeric column, a
  ///   multi-select, an invalid level, or a lonely PSU under `--lonely-psu fail`.
  public func estimate(
    _ statistic: Statistic, of variable: String, domains: Domains, options: EstimateOptions = EstimateOptions()
  ) throws -> [EstimateRow] {
    guard options.level > 0, options.level < 1 else { throw TabulateError.invalidLevel(options.level) }
    let column = try column(variable)
    var quantiles = QuantileCache(level: options.level)
    if let values = column.numbers, statistic != .proportion {
      let sums = CellSums(values: values, state: column.state, weights: weights, domains: domains)
      return try (0..<domains.count).map { d in
        try row(statistic, variable, level: nil, domain: d, domains: domains, sums: sums, options: options, quantiles: &quantiles)
      }
    }
    if statistic == .mean { throw TabulateError.notNumeric(column: variable, statistic: .mean) }
    guard let groups = GroupCodes(column) else { throw TabulateError.ungroupable(column: variable) }
    var sums = CellSums(codes: groups.codes, weights: weights, domains: domains)
    var byLevel: [[EstimateRow]] = []
    for (index, level) in groups.levels.enumerated() {
      sums.setLevel(Int32(index), codes: groups.codes, weights: weights, domains: domains)
      byLevel.append(
        try (0..<domains.count).map { d in
          try row(statistic, variable, level: level, domain: d, domains: domains, sums: sums, options: options, quantiles: &quantiles)
        })
    }
    return (0..<domains.count).flatMap { d in byLevel.map { $0[d] } }
  }

  /// Estimates one table: its statistic of its variable by its domains.
  ///
  /// - Throws: as ``estimate(_:of:domains:options:)`` and ``domains(by:)``.
  public func estimate(_ table: TableSpec) throws -> [EstimateRow] {
    try estimate(
      table.statistic, of: table.variable, domains: domains(by: table.by),
      options: EstimateOptions(level: table.level, interval: table.interval, deff: table.deff))
  }

  /// The row of domain `d` from the cell sums of y (a numeric variable or a level's indicator).
  func row(
    _ statistic: Statistic, _ variable: String, level: String?, domain d: Int, domains: Domains,
    sums: CellSums, options: EstimateOptions, quantiles: inout QuantileCache
  ) throws -> EstimateRow {
    let by = zip(domains.variables, domains.levels[d]).map { DomainLevel(variable: $0, level: $1) }
    let cells = domains.cellStart[d]..<domains.cellStart[d + 1]
    var n = 0
    var total = 0.0
    var weighted = 0.0
    for cell in cells {
      n += Int(sums.count[cell])
      total += sums.weight[cell]
      weighted += sums.weighted[cell]
    }
    guard n > 0 else {
      return EstimateRow(
        statistic: statistic, variable: variable, level: level, by: by, estimate: nil, se: nil, ciLow: nil,
        ciHigh: nil, df: 0, n: 0)
    }
    let isMean = statistic != .total
    let estimate = isMean ? weighted / total : weighted
    let (variance, df) = try linearizedVariance(
      cells: cells, domains: domains, sums: sums, mean: isMean ? estimate : nil, total: total)
    let se = variance.isNaN ? nil : variance.squareRoot()
    var ciLow: Double?
    var ciHigh: Double?
    if let se, df > 0 {
      let q = quantiles.quantile(df: df)
      ciLow = estimate - q * se
      ciHigh = estimate + q * se
    }
    var deff: Double?
    if options.deff {
      let count = Double(n)
      let s2 = n > 1 ? sums.spread[d] / total * count / (count - 1) : .nan
      let srs =
        isMean
        ? (total < count ? .nan : s2 * (total - count) / (total * count))
        : s2 * total * total * (total - count) / (total * count)
      let ratio = variance / srs
      deff = ratio.isFinite ? ratio : nil
    }
    return EstimateRow(
      statistic: statistic, variable: variable, level: level, by: by, estimate: estimate, se: se,
      ciLow: ciLow, ciHigh: ciHigh, deff: deff, df: df, n: n)
  }
}
