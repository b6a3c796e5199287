import SurveyCore

extension Estimator {
  /// R's `svychisq(~a + b, design, statistic)`: Pearson's X² of the weighted table scaled to the
  /// design's rows, with Rao and Scott's correction from the design-based covariance of the
  /// cell proportions (docs/statistics.md, "Tests of association").
  ///
  /// On a replicate design the covariance of the cells comes from the replicates, and the
  /// degrees of freedom are the rank of the replicate weights less one (R's
  /// `svychisq.svyrep.design`).
  ///
  /// - Throws: ``TabulateError`` for an unknown or multi-select column, or a variance overflow.
  public func chiSquare(_ a: String, _ b: String, statistic: ChiSquareStatistic) throws -> TestRow {
    if design.spec.census { throw TabulateError.notForCensus(what: "a test of association") }
    let (rowCodes, nr) = try presentCodes(a)
    let (columnCodes, nc) = try presentCodes(b)
    var row = TestRow(test: statistic.rawValue, variables: [a, b], statistic: nil, ndf: nil, ddf: nil, pValue: nil)
    guard nr > 1, nc > 1 else { return row }
    let cellCount = nr * nc
    // Per row its cell (rows vary fastest, as R's interaction()), -1 where either is missing.
    let cells = zip(rowCodes, columnCodes).map { $0 >= 0 && $1 >= 0 ? $0 + Int32(nr) * $1 : -1 }
    let n = Double(designRows)
    let domains = try self.domains(by: [])
    let nu = Double(degreesOfFreedom(units: Array(0..<Int32(unitCount))))
    if statistic == .wald || statistic == .adjustedWald {
      return try wald(cells: cells, rows: rowCodes, columns: columnCodes, nr: nr, nc: nc, nu: nu, domains: domains, into: row)
    }
    let used = cells.map { $0 >= 0 ? CellState.present : .empty }
    let influences = (0..<cellCount).map { k in
      indicatorInfluence(cells.map { $0 == Int32(k) ? 1 : 0 }, state: used, domains: domains, mean: true)
    }
    let p = influences.map(\.proportion)
    let v = try covariance(of: influences)
    let pearson = Self.pearson(p, n: n, rows: nr, columns: nc)
    guard let delta = Self.designEffects(p, v, n: n, rows: nr, columns: nc) else { return row }
    let trace = delta.trace
    let traceSquared = (delta * delta).trace
    let k = Double((nr - 1) * (nc - 1))
    switch statistic {
    case .f:
      let d0 = trace * trace / traceSquared
      let f = pearson / trace
      row.statistic = f
      row.ndf = d0
      row.ddf = d0 * nu
      row.pValue = Self.upperF(f, d0, d0 * nu)
    case .chisq:
      row.statistic = pearson
      row.ndf = k
      row.pValue = GammaDistribution.chiSquaredUpperTail(pearson / (trace / k), degreesOfFreedom: k)
    case .wald, .adjustedWald:
      break
    }
    return row
  }

  /// P(F(d1, d2) > f).
  static func upperF(_ f: Double, _ d1: Double, _ d2: Double) -> Double? {
    guard d1 > 0, d2 > 0, f.isFinite else { return nil }
    return BetaDistribution.cdf(d2 / (d2 + d1 * f), a: d2 / 2, b: d1 / 2)
  }

  /// The codes of `name` renumbered to the levels present in the data (R's `factor()`), and
  /// their count.
  func presentCodes(_ name: String) throws -> ([Int32], Int) {
    guard let groups = GroupCodes(try column(name)) else { throw TabulateError.ungroupable(column: name) }
    var present = [Bool](repeating: false, count: groups.levels.count)
    for (row, code) in groups.codes.enumerated() where code >= 0 && weights[row] > 0 { present[Int(code)] = true }
    var renumbered = [Int32](repeating: -1, count: present.count)
    var next: Int32 = 0
    for index in present.indices where present[index] {
      renumbered[index] = next
      next += 1
    }
    return (groups.codes.map { $0 >= 0 ? renumbered[Int($0)] : -1 }, Int(next))
  }

  /// The mean (or, with `mean` false, the total) of `values` over the rows `state` marks present,
  /// and its influence totals per unit.
  func indicatorInfluence(
    _ values: [Double], state: [CellState], domains: Domains, mean: Bool
  ) -> CellInfluence {
    let sums = CellSums(values: values, state: state, weights: weights, domains: domains)
    let adjusted = residualizer.map { numericSums($0, values: values, state: state, domains: domains) }
    let range = domains.cellStart[0]..<domains.cellStart[1]
    let total = range.reduce(0) { $0 + sums.weight[$1] }
    let weighted = range.reduce(0) { $0 + sums.weighted[$1] }
    let estimate = mean ? weighted / total : weighted
    let influence = unitInfluences(
      cells: range, domains: domains, sums: sums, mean: mean ? estimate : nil, total: total,
      adjustment: adjusted.map { ($0.y[0], $0.w[0]) })
    let replicates = design.replicates.map {
      replicateEstimates($0, cells: range, domains: domains, sums: sums, isMean: mean)
    }
    return CellInfluence(proportion: estimate, units: influence.units, totals: influence.totals, replicates: replicates)
  }

  /// One cell's estimate (a proportion, or a total for the Wald tests), its influence totals
  /// per unit, and on a replicate design its replicate estimates.
  struct CellInfluence {
    var proportion: Double
    var units: [Int32]
    var totals: [Double]
    var replicates: [Double]?
  }

  /// The covariance matrix of the cells' estimates: from their replicates on a replicate design
  /// (R's `svrVar` of a matrix of replicates), otherwise from their influence totals.
  func covariance(of cells: [CellInfluence]) throws -> SmallMatrix {
    guard let replicates = design.replicates else {
      return try covariance(cells.map(\.totals), units: cells[0].units)
    }
    guard
      let matrix = replicates.covariance(cells.map { $0.replicates ?? [] }, full: cells.map(\.proportion)),
      matrix.allSatisfy({ $0.allSatisfy(\.isFinite) })
    else {
      throw TabulateError.overflow(column: "cells", statistic: .proportion, quantity: .variance)
    }
    var result = SmallMatrix(rows: cells.count, columns: cells.count)
    for i in 0..<cells.count { for j in 0..<cells.count { result[i, j] = matrix[i][j] } }
    return result
  }

  /// The covariance matrix of the cells' estimates, from their influence totals on the same
  /// units: cov(a, b) = (var(a + b) − var(a) − var(b)) / 2, each variance as a domain's.
  func covariance(_ totals: [[Double]], units: [Int32]) throws -> SmallMatrix {
    let count = totals.count
    var result = SmallMatrix(rows: count, columns: count)
    do {
      let variances = try totals.map { try taylor.variance(units: units, totals: $0) }
      for i in 0..<count {
        result[i, i] = variances[i]
        for j in 0..<i {
          let sum = try taylor.variance(units: units, totals: zip(totals[i], totals[j]).map { $0 + $1 })
          result[i, j] = (sum - variances[i] - variances[j]) / 2
          result[j, i] = result[i, j]
        }
      }
    } catch is TaylorVariance.Overflow {
      throw TabulateError.overflow(column: "cells", statistic: .proportion, quantity: .variance)
    }
    return result
  }
}

extension Estimator {
  /// Pearson's X² of the table N·p (R's `svytable(..., Ntotal = N)` then `chisq.test`).
  static func pearson(_ p: [Double], n: Double, rows: Int, columns: Int) -> Double {
    let table = p.map { $0 * n }
    var rowSums = [Double](repeating: 0, count: rows)
    var columnSums = [Double](repeating: 0, count: columns)
    for r in 0..<rows { for c in 0..<columns { rowSums[r] += table[r + rows * c]; columnSums[c] += table[r + rows * c] } }
    let total = rowSums.reduce(0, +)
    var x2 = 0.0
    for r in 0..<rows {
      for c in 0..<columns {
        let expected = rowSums[r] * columnSums[c] / total
        let difference = table[r + rows * c] - expected
        x2 += difference * difference / expected
      }
    }
    return x2
  }

  /// Rao and Scott's matrix of generalized design effects Δ = (C'D⁻¹C/N)⁻¹ (C'D⁻¹VD⁻¹C), with C
  /// the interaction contrasts made orthogonal to the main effects (R's `qr.resid`).
  static func designEffects(_ p: [Double], _ v: SmallMatrix, n: Double, rows: Int, columns: Int) -> SmallMatrix? {
    let count = rows * columns
    let mainCount = rows + columns - 1
    var x1 = SmallMatrix(rows: count, columns: mainCount)
    var x12 = SmallMatrix(rows: count, columns: (rows - 1) * (columns - 1))
    for cell in 0..<count {
      let r = cell % rows
      let c = cell / rows
      x1[cell, 0] = 1
      if r > 0 { x1[cell, r] = 1 }
      if c > 0 { x1[cell, rows - 1 + c] = 1 }
      if r > 0, c > 0 { x12[cell, (r - 1) + (rows - 1) * (c - 1)] = 1 }
    }
    let x1t = x1.transposed
    guard let coefficients = (x1t * x1).solving(x1t * x12) else { return nil }
    let contrasts = x12 - x1 * coefficients
    let inverseP = p.map { $0 == 0 ? 0 : 1 / $0 }
    let scaled = contrasts.scalingRows(inverseP)
    let denominator = contrasts.transposed * scaled.scalingRows([Double](repeating: 1 / n, count: count))
    let numerator = scaled.transposed * v * scaled
    return denominator.solving(numerator)
  }
}
