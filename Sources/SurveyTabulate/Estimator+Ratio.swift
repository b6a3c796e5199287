import SurveyCore

extension Estimator {
  /// The ratio of the totals of two numeric variables in every domain, as R's `svyratio`:
  /// R̂ = Σ w·y / Σ w·x over the domain's rows where both have a value (`na.rm = TRUE`), with
  /// the influence values (y − R̂·x)·w / Σ w·x, which the weighting steps centre as they centre a
  /// mean's. One row per domain, statistic `ratio`, variable `NUM/DEN`; no design effect.
  ///
  /// - Throws: ``TabulateError/invalidRatio(_:)``, ``TabulateError/unknownColumn(column:)``,
  ///   ``TabulateError/notNumeric(column:statistic:)``, and what ``row`` throws.
  func ratio(_ variable: String, domains: Domains, options: EstimateOptions) throws -> [EstimateRow] {
    guard let (numeratorName, denominatorName) = ratioParts(variable) else { throw TabulateError.invalidRatio(variable) }
    let numerator = try column(numeratorName)
    let denominator = try column(denominatorName)
    guard let y = numerator.numbers else { throw TabulateError.notNumeric(column: numeratorName, statistic: .ratio) }
    guard let x = denominator.numbers else { throw TabulateError.notNumeric(column: denominatorName, statistic: .ratio) }
    let state = zip(numerator.state, denominator.state).map { $0 == .present && $1 == .present ? CellState.present : .empty }
    let sums = CellSums(ratioOf: y, over: x, state: state, weights: weights, domains: domains)
    let adjusted = residualizer.map { ratioSums($0, numerator: y, denominator: x, state: state, domains: domains) }
    var quantiles = QuantileCache(level: options.level)
    var rowOptions = options
    rowOptions.deff = false
    var rows = try (0..<domains.count).map { d in
      try row(
        .ratio, variable, level: nil, domain: d, domains: domains, sums: sums,
        adjustment: adjusted.map { ($0.y[d], $0.x[d]) }, options: rowOptions, designRows: nil, quantiles: &quantiles)
    }
    if let difference = options.difference {
      rows += try differenceRows(
        .ratio, variable, level: nil, difference: difference, domains: domains, options: options, quantiles: &quantiles
      ) { d in
        domainPart(.ratio, domain: d, domains: domains, sums: sums, adjustment: adjusted.map { ($0.y[d], $0.x[d]) })
      }
    }
    return rows
  }

  /// Per domain, the residualizer's sums of w·y and w·x over the rows with both values.
  func ratioSums(
    _ residualizer: Residualizer, numerator y: [Double], denominator x: [Double], state: [CellState], domains: Domains
  ) -> (x: [Residualizer.Sums], y: [Residualizer.Sums]) {
    var xSums = [Residualizer.Sums](repeating: residualizer.emptySums(), count: domains.count)
    var ySums = xSums
    var buffer = [Double](repeating: 0, count: residualizer.bufferSize)
    for row in 0..<y.count where domains.rowCell[row] >= 0 && state[row] == .present {
      let d = Int(domains.rowDomain[row])
      residualizer.add(row: row, weights[row] * x[row], weights[row] * y[row], into: &xSums[d], &ySums[d], buffer: &buffer)
    }
    return (xSums, ySums)
  }
}

extension CellSums {
  /// The sums of a ratio y / x: ``weight`` holds Σ w·x and ``weighted`` Σ w·y over the rows
  /// used, so that the mean's formulas (estimate Σ w·y / Σ w·x, influence (Σ w·y − R̂ Σ w·x) / X)
  /// give the ratio's. No spread: a ratio has no design effect here.
  init(ratioOf y: [Double], over x: [Double], state: [CellState], weights: [Double], domains: Domains) {
    let cells = domains.cellUnit.count
    var count = [Int32](repeating: 0, count: cells)
    var denominator = [Double](repeating: 0, count: cells)
    var numerator = [Double](repeating: 0, count: cells)
    for row in 0..<y.count {
      let cell = Int(domains.rowCell[row])
      if cell < 0 || state[row] != .present { continue }
      count[cell] += 1
      denominator[cell] += weights[row] * x[row]
      numerator[cell] += weights[row] * y[row]
    }
    self.count = count
    weight = denominator
    weighted = numerator
    spread = [Double](repeating: 0, count: domains.count)
  }
}
