import SurveyCore

extension Estimator {
  /// Quantiles of a numeric variable in every domain, as R's
  /// `svyquantile(~x, design, p, qrule = rule, ci = TRUE, na.rm = TRUE)` (by domains, as `svyby`):
  ///
  /// - the estimate q̂ is `options.quantileRule`'s p-quantile of the domain's values with their weights;
  /// - Woodruff's interval: the proportion m of the domain at or below q̂ is estimated with its
  ///   design-based SE (taking the weighting steps into account); its interval (`options.interval`:
  ///   wald/mean as R's default `interval.type = "mean"`, or xlogit, asin, beta; logit, which
  ///   agrees with xlogit to about 1e-11, is taken as xlogit) is mapped back through the rule:
  ///   [Q(low), Q(high)], a bound missing where the proportion's leaves [0, 1];
  /// - SE = (Q(high) − Q(low)) / (2 t(df)), df that of the domain.
  ///
  /// Rows are ordered by domain, then probability; a domain without values gets a row with no
  /// estimate, df 0 and n 0. No design effect.
  ///
  /// - Throws: ``TabulateError/notNumeric(column:statistic:)``,
  ///   ``TabulateError/quantileDifference(column:)`` when `options` asks for a difference,
  ///   ``TabulateError/quantileLikelihood(column:)`` for a likelihood interval, and
  ///   what the proportion's estimate throws.
  public func quantiles(
    of variable: String, probabilities: [Double], domains: Domains, options: EstimateOptions = EstimateOptions()
  ) throws -> [EstimateRow] {
    let rule = options.quantileRule
    guard options.level > 0, options.level < 1 else { throw TabulateError.invalidLevel(options.level) }
    guard options.difference == nil else { throw TabulateError.quantileDifference(column: variable) }
    guard options.interval != .likelihood else { throw TabulateError.quantileLikelihood(column: variable) }
    var options = options
    // R 4.1's svyquantile of a replicate design takes the mean interval whatever interval.type
    // says; so do we (the tables' headers then name no other).
    if design.replicates != nil { options.interval = .wald }
    let column = try column(variable)
    guard let values = column.numbers else { throw TabulateError.notNumeric(column: variable, statistic: .quantile) }
    let samples = domainSamples(values: values, state: column.state, domains: domains)
    var quantiles = QuantileCache(level: options.level)
    var byProbability: [[EstimateRow]] = []
    for p in probabilities {
      let estimates = samples.map { rule.value(p, in: $0) }
      let below = try proportionsBelow(
        estimates, values: values, state: column.state, domains: domains, options: options, quantiles: &quantiles)
      byProbability.append(
        (0..<domains.count).map { d in
          quantileRow(
            variable, p: p, estimate: estimates[d], below: below[d], sample: samples[d], rule: rule,
            quantiles: &quantiles)
        })
    }
    return (0..<domains.count).flatMap { d in byProbability.map { $0[d] } }
  }

  /// Per domain, its rows with a value, sorted by value with their weights.
  func domainSamples(values: [Double], state: [CellState], domains: Domains) -> [WeightedSample] {
    var rowsOf = [[Int]](repeating: [], count: domains.count)
    for row in 0..<values.count where domains.rowDomain[row] >= 0 && state[row] == .present {
      rowsOf[Int(domains.rowDomain[row])].append(row)
    }
    return rowsOf.map { rows in
      WeightedSample(values: rows.map { values[$0] }, weights: rows.map { weights[$0] })
    }
  }

  /// Per domain, the estimate of the proportion of its rows at or below its quantile, with the
  /// interval `options` asks for (xlogit for logit): R's `svymean(x <= q̂, design)` and its
  /// `confint`, or `svyciprop`'s transformed interval.
  func proportionsBelow(
    _ estimates: [Double?], values: [Double], state: [CellState], domains: Domains, options: EstimateOptions,
    quantiles: inout QuantileCache
  ) throws -> [EstimateRow] {
    var indicator = [Double](repeating: 0, count: values.count)
    for row in 0..<values.count where domains.rowDomain[row] >= 0 && state[row] == .present {
      if let q = estimates[Int(domains.rowDomain[row])], values[row] <= q { indicator[row] = 1 }
    }
    var rowOptions = options
    rowOptions.deff = false
    if options.interval == .logit { rowOptions.interval = .xlogit }
    let sums = CellSums(values: indicator, state: state, weights: weights, domains: domains)
    let adjusted = residualizer.map { numericSums($0, values: indicator, state: state, domains: domains) }
    let designRows = residualizer != nil ? self.designRows : nil
    return try (0..<domains.count).map { d in
      try row(
        .proportion, "", level: nil, domain: d, domains: domains, sums: sums,
        adjustment: adjusted.map { ($0.y[d], $0.w[d]) }, options: rowOptions, designRows: designRows,
        quantiles: &quantiles)
    }
  }

  /// One quantile's row from its estimate and the proportion below it: the interval's bounds
  /// mapped back through the rule, the SE from the interval's width.
  func quantileRow(
    _ variable: String, p: Double, estimate: Double?, below: EstimateRow, sample: WeightedSample, rule: QuantileRule,
    quantiles: inout QuantileCache
  ) -> EstimateRow {
    var row = EstimateRow(
      statistic: .quantile, variable: variable, quantile: p, by: below.by, estimate: estimate, se: nil, ciLow: nil,
      ciHigh: nil, df: below.df, n: below.n)
    guard estimate != nil else { return row }
    if let low = below.ciLow, low >= 0 { row.ciLow = rule.value(low, in: sample) }
    if let high = below.ciHigh, high <= 1 { row.ciHigh = rule.value(high, in: sample) }
    if let low = row.ciLow, let high = row.ciHigh, below.df > 0 {
      row.se = (high - low) / (2 * quantiles.quantile(df: below.df))
    }
    return row
  }
}
