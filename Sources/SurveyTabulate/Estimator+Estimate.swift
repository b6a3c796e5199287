import SurveyCore

extension Estimator {
  /// Estimates `statistic` of `variable` in every domain.
  ///
  /// A numeric variable gives one row per domain (its mean or total). A categorical variable
  /// gives one row per level per domain, for every level of the column (also levels absent
  /// from a domain, estimated as 0): the proportion of the domain in the level, or its total.
  /// Rows without a value are left out (R's `na.rm = TRUE`); a domain whose rows all lack one
  /// gets a row with no estimate, df 0 and n 0. Rows are ordered by domain, then level.
  ///
  /// - Parameters:
  ///   - statistic: mean (numeric), total or proportion; for a ratio the variable is `NUM/DEN`;
  ///     a quantile is the median
  ///     (``quantiles(of:probabilities:domains:options:)`` takes other probabilities).
  ///   - variable: the analysis column.
  ///   - domains: from ``domains(by:subset:)``.
  ///   - options: confidence level and interval, design effects.
  /// - Throws: ``TabulateError`` for an unknown column, a mean of a non-numeric column, a
  ///   multi-select, an invalid level, a lonely PSU under `--lonely-psu fail`, or a sum, estimate,
  ///   variance, interval or design effect that overflows (``TabulateError/overflow(column:statistic:quantity:)``).
  public func estimate(
    _ statistic: Statistic, of variable: String, domains: Domains, options: EstimateOptions = EstimateOptions()
  ) throws -> [EstimateRow] {
    guard options.level > 0, options.level < 1 else { throw TabulateError.invalidLevel(options.level) }
    if statistic == .ratio { return try ratio(variable, domains: domains, options: options) }
    if statistic == .quantile { return try quantiles(of: variable, probabilities: [0.5], domains: domains, options: options) }
    let column = try column(variable)
    var quantiles = QuantileCache(level: options.level)
    // R's nrow(design) for the beta interval: a calibrated design keeps every row when it is
    // subset to a domain (rows outside get weight 0), an uncalibrated one keeps the domain's.
    let designRows = residualizer != nil ? self.designRows : nil
    if let values = column.numbers, statistic != .proportion {
      let sums = CellSums(values: values, state: column.state, weights: weights, domains: domains)
      let adjusted = residualizer.map { numericSums($0, values: values, state: column.state, domains: domains) }
      var rows = try (0..<domains.count).map { d in
        try row(
          statistic, variable, level: nil, domain: d, domains: domains, sums: sums,
          adjustment: adjusted.map { ($0.y[d], $0.w[d]) }, options: options, designRows: designRows,
          quantiles: &quantiles)
      }
      if let difference = options.difference {
        rows += try differenceRows(
          statistic, variable, level: nil, difference: difference, domains: domains, options: options,
          quantiles: &quantiles
        ) { d in
          domainPart(statistic, domain: d, domains: domains, sums: sums, adjustment: adjusted.map { ($0.y[d], $0.w[d]) })
        }
      }
      return rows
    }
    if statistic == .mean { throw TabulateError.notNumeric(column: variable, statistic: .mean) }
    if design.replicates != nil, statistic == .proportion, options.interval == .likelihood {
      throw TabulateError.notForReplicates(what: "the likelihood interval of a proportion")
    }
    guard let groups = GroupCodes(column) else { throw TabulateError.ungroupable(column: variable) }
    var sums = CellSums(codes: groups.codes, weights: weights, domains: domains)
    let adjusted = residualizer.map { levelSums($0, codes: groups.codes, levels: groups.levels.count, domains: domains) }
    // Every level of a domain uses the same rows (those with any level): one df per domain.
    let domainDF = (0..<domains.count).map { d in
      degreesOfFreedom(cells: domains.cellStart[d]..<domains.cellStart[d + 1], domains: domains, sums: sums)
    }
    var byLevel: [[EstimateRow]] = []
    var differences: [EstimateRow] = []
    let likelihood =
      statistic == .proportion && options.interval == .likelihood
      ? likelihoodSums(codes: groups.codes, levels: groups.levels.count, domains: domains, designRows: designRows) : nil
    for (index, level) in groups.levels.enumerated() {
      sums.setLevel(Int32(index), codes: groups.codes, weights: weights, domains: domains)
      byLevel.append(
        try (0..<domains.count).map { d in
          var estimate = try row(
            statistic, variable, level: level, domain: d, domains: domains, sums: sums,
            adjustment: adjusted.map { ($0.levels[d][index], $0.w[d]) }, options: options, designRows: designRows,
            quantiles: &quantiles, df: domainDF[d])
          if let likelihood {
            setLikelihoodInterval(&estimate, domain: d, level: index, sums: likelihood, options: options)
          }
          return estimate
        })
      if let difference = options.difference {
        differences += try differenceRows(
          statistic, variable, level: level, difference: difference, domains: domains, options: options,
          quantiles: &quantiles
        ) { d in
          domainPart(
            statistic, domain: d, domains: domains, sums: sums, adjustment: adjusted.map { ($0.levels[d][index], $0.w[d]) })
        }
      }
    }
    // The differences follow the estimates, level by level.
    return (0..<domains.count).flatMap { d in byLevel.map { $0[d] } } + differences
  }

  /// Estimates one table: its statistic of its variable by its domains. On a census the rows
  /// have no sampling error (``censusRows(_:)``).
  ///
  /// - Parameter population: a rate's population file, read (``SurveyCore/RateSpec/population``).
  /// - Throws: as ``estimate(_:of:domains:options:)`` and ``domains(by:subset:)``; a rate whose
  ///   population has no row for a domain throws ``SurveyCore/CoreError``.
  public func estimate(_ table: TableSpec, population: PopulationTable? = nil) throws -> [EstimateRow] {
    var options = EstimateOptions(
      level: table.level, interval: table.interval, deff: table.deff, difference: table.difference)
    options.quantileRule = table.quantileRule
    let domains = try domains(by: table.by, subset: table.filter)
    let rows: [EstimateRow]
    if table.statistic == .quantile {
      rows = try quantiles(of: table.variable, probabilities: table.probabilities, domains: domains, options: options)
    } else if table.statistic == .rate {
      guard let rate = table.rate else { throw TabulateError.rateWithoutDenominator(table: table.name) }
      rows = try self.rate(
        rate, by: table.by, population: population, domains: domains, options: options, table: table.name,
        filter: table.filter)
    } else {
      rows = try estimate(table.statistic, of: table.variable, domains: domains, options: options)
    }
    return design.spec.census ? Self.censusRows(rows) : rows
  }

  /// The row of domain `d` from the cell sums of y (a numeric variable or a level's indicator)
  /// and, for a design with weighting steps, the residualizer's sums of w·y and w.
  func row(
    _ statistic: Statistic, _ variable: String, level: String?, domain d: Int, domains: Domains,
    sums: CellSums, adjustment: (y: Residualizer.Sums, w: Residualizer.Sums)?, options: EstimateOptions,
    designRows: Int?, quantiles: inout QuantileCache, df knownDF: Int? = nil
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
    // Each quantity is checked where it arises: an overflow is an error, never a blank cell.
    func overflow(_ quantity: OverflowQuantity) -> TabulateError {
      .overflow(column: variable, statistic: statistic, quantity: quantity)
    }
    guard total.isFinite else { throw overflow(.weightSum) }
    guard weighted.isFinite else { throw overflow(.weightedSum) }
    let isMean = statistic != .total
    let estimate = isMean ? weighted / total : weighted
    guard estimate.isFinite else { throw overflow(.estimate) }
    let variance: Double
    do {
      variance = try self.variance(
        cells: cells, domains: domains, sums: sums, mean: isMean ? estimate : nil, total: total, adjustment: adjustment)
    } catch is TaylorVariance.Overflow {
      throw overflow(.variance)
    }
    let df = knownDF ?? degreesOfFreedom(cells: cells, domains: domains, sums: sums)
    let se = variance.isNaN ? nil : variance.squareRoot()
    var ciLow: Double?
    var ciHigh: Double?
    if let se, df > 0 {
      let q = quantiles.quantile(df: df)
      // Proportions take the interval asked for (R's svyciprop); means and totals the t interval.
      let bounds: (Double, Double)?
      if statistic == .proportion, options.interval == .logit, let replicates = design.replicates {
        bounds = replicateLogitInterval(replicates, cells: cells, domains: domains, sums: sums, p: estimate, t: q)
      } else if statistic == .proportion && options.interval.isProportionOnly {
        bounds = ProportionInterval.interval(
          options.interval, p: estimate, se: se, t: q, level: options.level, df: df, rows: designRows ?? n)
      } else {
        bounds = (estimate - q * se, estimate + q * se)
      }
      if let (low, high) = bounds {
        guard low.isFinite, high.isFinite else { throw overflow(.interval) }
        (ciLow, ciHigh) = (low, high)
      }
    }
    var deff: Double?
    if options.deff {
      guard sums.spread[d].isFinite else { throw overflow(.designEffect) }
      let count = Double(n)
      let s2 = n > 1 ? sums.spread[d] / total * count / (count - 1) : .nan
      let srs =
        isMean
        ? (total < count ? .nan : s2 * (total - count) / (total * count))
        : s2 * total * total * (total - count) / (total * count)
      guard !srs.isInfinite else { throw overflow(.designEffect) }
      let ratio = variance / srs
      deff = ratio.isFinite ? ratio : nil
    }
    return EstimateRow(
      statistic: statistic, variable: variable, level: level, by: by, estimate: estimate, se: se,
      ciLow: ciLow, ciHigh: ciHigh, deff: deff, df: df, n: n)
  }

  /// The variance of one domain's estimate: the totals of its influence values per unit (Σ w·y
  /// for a total, (Σ w·y − ȳ Σ w)/W for a mean), centred by the weighting steps when there are
  /// any, added up by ``TaylorVariance``; on a replicate design, the replicates' variance.
  func variance(
    cells: Range<Int>, domains: Domains, sums: CellSums, mean: Double?, total: Double,
    adjustment: (y: Residualizer.Sums, w: Residualizer.Sums)?
  ) throws -> Double {
    if let replicates = design.replicates {
      let estimate = mean ?? cells.reduce(0) { $0 + sums.weighted[$1] }
      return try replicateVariance(
        replicates, cells: cells, domains: domains, sums: sums, isMean: mean != nil, estimate: estimate)
    }
    let influences = unitInfluences(
      cells: cells, domains: domains, sums: sums, mean: mean, total: total, adjustment: adjustment)
    return try taylor.variance(units: influences.units, totals: influences.totals)
  }

  /// The totals of one domain's influence values per unit, sorted by unit: without weighting
  /// steps, the units with rows used; with them, every unit of the calibrated design, centred.
  func unitInfluences(
    cells: Range<Int>, domains: Domains, sums: CellSums, mean: Double?, total: Double,
    adjustment: (y: Residualizer.Sums, w: Residualizer.Sums)?
  ) -> (units: [Int32], totals: [Double]) {
    @inline(__always) func influence(_ cell: Int) -> Double {
      guard let mean else { return sums.weighted[cell] }
      return (sums.weighted[cell] - mean * sums.weight[cell]) / total
    }
    guard let residualizer, let adjustment else {
      // Units whose rows of the domain all lack a value are not part of the estimate.
      var units: [Int32] = []
      var totals: [Double] = []
      units.reserveCapacity(cells.count)
      totals.reserveCapacity(cells.count)
      for cell in cells where sums.count[cell] > 0 {
        units.append(domains.cellUnit[cell])
        totals.append(influence(cell))
      }
      return (units, totals)
    }
    // With weighting steps, every unit of the calibrated design takes part, centred.
    let influenceSums =
      mean.map { Residualizer.combine(adjustment.y, adjustment.w, factor: $0, divisor: total) } ?? adjustment.y
    var totals = residualizer.corrections(influenceSums).map { -$0 }
    for cell in cells {
      totals[Int(residualPosition[Int(domains.cellUnit[cell])])] += influence(cell)
    }
    return (residualizer.units, totals)
  }

  /// PSUs minus strata among the units with rows used, as R's `degf` of the domain's subset.
  func degreesOfFreedom(cells: Range<Int>, domains: Domains, sums: CellSums) -> Int {
    degreesOfFreedom(units: cells.filter { sums.count[$0] > 0 }.map { domains.cellUnit[$0] })
  }

  /// Per domain, the residualizer's sums of w and of w·y over the rows with a value.
  func numericSums(
    _ residualizer: Residualizer, values: [Double], state: [CellState], domains: Domains
  ) -> (w: [Residualizer.Sums], y: [Residualizer.Sums]) {
    var w = [Residualizer.Sums](repeating: residualizer.emptySums(), count: domains.count)
    var y = w
    var buffer = [Double](repeating: 0, count: residualizer.bufferSize)
    for row in 0..<values.count where domains.rowCell[row] >= 0 && state[row] == .present {
      let d = Int(domains.rowDomain[row])
      residualizer.add(row: row, weights[row], weights[row] * values[row], into: &w[d], &y[d], buffer: &buffer)
    }
    return (w, y)
  }

  /// Per domain, the residualizer's sums of w over the rows with any level, and per level over
  /// the rows of that level.
  func levelSums(
    _ residualizer: Residualizer, codes: [Int32], levels: Int, domains: Domains
  ) -> (w: [Residualizer.Sums], levels: [[Residualizer.Sums]]) {
    var w = [Residualizer.Sums](repeating: residualizer.emptySums(), count: domains.count)
    var byLevel = [[Residualizer.Sums]](repeating: [Residualizer.Sums](repeating: residualizer.emptySums(), count: levels), count: domains.count)
    var buffer = [Double](repeating: 0, count: residualizer.bufferSize)
    for row in 0..<codes.count where domains.rowCell[row] >= 0 && codes[row] >= 0 {
      let d = Int(domains.rowDomain[row])
      residualizer.add(row: row, weights[row], weights[row], into: &w[d], &byLevel[d][Int(codes[row])], buffer: &buffer)
    }
    return (w, byLevel)
  }
}
