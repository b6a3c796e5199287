import SurveyCore

extension Estimator {
  /// One domain's part in a difference: its estimate, rows used, and influence totals per unit.
  struct DomainPart {
    var estimate: Double
    var n: Int
    var units: [Int32]
    var totals: [Double]
    /// The units with rows used (for the degrees of freedom).
    var usedUnits: [Int32]
    /// On a replicate design: the estimate with each replicate's weights.
    var replicates: [Double]? = nil
  }

  /// Domain `d`'s estimate and influence values from its cell sums; nil when no row is used.
  func domainPart(
    _ statistic: Statistic, domain d: Int, domains: Domains, sums: CellSums,
    adjustment: (y: Residualizer.Sums, w: Residualizer.Sums)?
  ) -> DomainPart? {
    let cells = domains.cellStart[d]..<domains.cellStart[d + 1]
    var n = 0
    var total = 0.0
    var weighted = 0.0
    var used: [Int32] = []
    for cell in cells {
      n += Int(sums.count[cell])
      total += sums.weight[cell]
      weighted += sums.weighted[cell]
      if sums.count[cell] > 0 { used.append(domains.cellUnit[cell]) }
    }
    guard n > 0 else { return nil }
    let isMean = statistic != .total
    let estimate = isMean ? weighted / total : weighted
    if let replicates = design.replicates {
      // A replicate design needs the replicates' estimates, not influence values.
      return DomainPart(
        estimate: estimate, n: n, units: [], totals: [], usedUnits: used,
        replicates: replicateEstimates(replicates, cells: cells, domains: domains, sums: sums, isMean: isMean))
    }
    let influences = unitInfluences(
      cells: cells, domains: domains, sums: sums, mean: isMean ? estimate : nil, total: total, adjustment: adjustment)
    return DomainPart(estimate: estimate, n: n, units: influences.units, totals: influences.totals, usedUnits: used)
  }

  /// The rows of `difference` for one statistic of one variable (or level): for each domain at
  /// `to`, its estimate minus that of the domain at `from` with the same other by-levels, with
  /// the SE from the two domains' joint influence values (R's `svycontrast` of
  /// `svyby(..., covmat = TRUE)`), a t interval and a two-sided p-value on the df of the units
  /// either domain uses.
  ///
  /// - Parameter part: domain d's part (``domainPart(_:domain:domains:sums:adjustment:)``).
  func differenceRows(
    _ statistic: Statistic, _ variable: String, level: String?, difference: DifferenceSpec, domains: Domains,
    options: EstimateOptions, quantiles: inout QuantileCache, part: (Int) -> DomainPart?
  ) throws -> [EstimateRow] {
    guard let k = domains.variables.firstIndex(of: difference.variable) else {
      throw TabulateError.differenceNotBy(variable: difference.variable)
    }
    var rows: [EstimateRow] = []
    for d in 0..<domains.count where domains.levels[d][k] == difference.to {
      var wanted = domains.levels[d]
      wanted[k] = difference.from
      let by = zip(domains.variables, domains.levels[d]).enumerated().filter { $0.offset != k }.map {
        DomainLevel(variable: $0.element.0, level: $0.element.1)
      }
      var row = EstimateRow(
        statistic: statistic, variable: variable, level: level, by: by, estimate: nil, se: nil, ciLow: nil,
        ciHigh: nil, df: 0, n: 0)
      row.difference = difference
      let to = part(d)
      let from = (0..<domains.count).first { domains.levels[$0] == wanted }.flatMap(part)
      if let from, let to {
        try fill(&row, from: from, to: to, options: options, quantiles: &quantiles)
      } else {
        // One side has no rows used: no difference, but the rows there are still counted.
        row.n = (to?.n ?? 0) + (from?.n ?? 0)
      }
      rows.append(row)
    }
    return rows
  }

  /// The estimate, SE, interval, p-value, df and n of the difference `to` − `from`.
  private func fill(
    _ row: inout EstimateRow, from: DomainPart, to: DomainPart, options: EstimateOptions,
    quantiles: inout QuantileCache
  ) throws {
    let estimate = to.estimate - from.estimate
    var variance: Double
    if let replicates = design.replicates, let toReplicates = to.replicates, let fromReplicates = from.replicates {
      variance = replicates.variance(zip(toReplicates, fromReplicates).map { $0 - $1 }, full: estimate) ?? .nan
      guard !variance.isInfinite else {
        throw TabulateError.overflow(column: row.variable, statistic: row.statistic, quantity: .variance)
      }
    } else {
      let (units, totals) = Self.subtract(to.units, to.totals, from.units, from.totals)
      do {
        variance = try taylor.variance(units: units, totals: totals)
      } catch is TaylorVariance.Overflow {
        throw TabulateError.overflow(column: row.variable, statistic: row.statistic, quantity: .variance)
      }
    }
    let df = degreesOfFreedom(units: Self.union(to.usedUnits, from.usedUnits))
    row.estimate = estimate
    row.n = to.n + from.n
    row.df = df
    guard !variance.isNaN else { return }
    let se = variance.squareRoot()
    row.se = se
    guard df > 0 else { return }
    let q = quantiles.quantile(df: df)
    row.ciLow = estimate - q * se
    row.ciHigh = estimate + q * se
    if se > 0 {
      row.pValue = 2 * StudentT.cdf(-abs(estimate / se), degreesOfFreedom: Double(df))
    }
  }

  /// PSUs minus strata among `units` (sorted; a unit may repeat); on a replicate design, the
  /// rank of their replicate weights less one (R's `degf`).
  func degreesOfFreedom(units: [Int32]) -> Int {
    if let replicates = design.replicates { return replicates.degreesOfFreedom(units: units) }
    var psus = 0
    var strata = 0
    var lastPSU: Int32 = -1
    var lastStratum: Int32 = -1
    for unit in units {
      let psu = psuOfUnit[Int(unit)]
      guard psu != lastPSU else { continue }
      psus += 1
      lastPSU = psu
      let stratum = stratumOfPSU[Int(psu)]
      if stratum != lastStratum {
        strata += 1
        lastStratum = stratum
      }
    }
    return psus - strata
  }

  /// a − b over the union of their units (both sorted, each unit once).
  static func subtract(_ aUnits: [Int32], _ a: [Double], _ bUnits: [Int32], _ b: [Double]) -> ([Int32], [Double]) {
    var units: [Int32] = []
    var totals: [Double] = []
    var i = 0
    var j = 0
    while i < aUnits.count || j < bUnits.count {
      if j == bUnits.count || (i < aUnits.count && aUnits[i] < bUnits[j]) {
        units.append(aUnits[i])
        totals.append(a[i])
        i += 1
      } else if i == aUnits.count || bUnits[j] < aUnits[i] {
        units.append(bUnits[j])
        totals.append(-b[j])
        j += 1
      } else {
        units.append(aUnits[i])
        totals.append(a[i] - b[j])
        i += 1
        j += 1
      }
    }
    return (units, totals)
  }

  /// The sorted union of two sorted unit lists.
  static func union(_ a: [Int32], _ b: [Int32]) -> [Int32] {
    subtract(a, a.map { _ in 0 }, b, b.map { _ in 0 }).0
  }
}
