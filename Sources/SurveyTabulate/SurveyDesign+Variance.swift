extension SurveyDesign {
  /// The Taylor-linearization variance of one domain's estimate and its degrees of freedom, as
  /// R's `svyrecvar` computes them for a one-stage design.
  ///
  /// The influence total of a cell (the domain's part of one PSU) is Σ w·y for a total and
  /// (Σ w·y − ȳ Σ w) / W for a mean. Per stratum h with rows used:
  /// - f_h < 1e-7 (all PSUs sampled): no contribution;
  /// - n_h ≥ 2: f_h · n_h/(n_h − 1) · Σ (t_c − t̄)² over all n_h PSUs of the stratum, those
  ///   without rows of the domain counting as 0 (and t̄ the mean over all n_h);
  /// - n_h = 1 (a lonely PSU): by ``lonelyPSU``: `fail` throws, `remove` and `certainty` add 0,
  ///   `adjust` adds f_h · t², the PSU total compared with 0, and `average` leaves the stratum
  ///   out and scales the sum by (strata with rows used) / (strata left in).
  ///
  /// - Parameters:
  ///   - cells: the domain's cells, in PSU order.
  ///   - mean: ȳ for a mean (or proportion), nil for a total.
  ///   - total: W, the domain's sum of weights (for a mean).
  /// - Returns: the variance (NaN when `average` leaves no stratum) and df = PSUs with rows used
  ///   minus strata with rows used.
  /// - Throws: ``TabulateError/lonelyPSU(strataColumn:stratum:)`` under `fail` when a stratum
  ///   with a single PSU has rows used (a certainty stratum never fails).
  func linearizedVariance(
    cells: Range<Int>, domains: Domains, sums: CellSums, mean: Double?, total: Double
  ) throws -> (variance: Double, df: Int) {
    @inline(__always) func influence(_ cell: Int) -> Double {
      guard let mean else { return sums.weighted[cell] }
      return (sums.weighted[cell] - mean * sums.weight[cell]) / total
    }
    var sum = 0.0
    var strataUsed = 0
    var strataKept = 0
    var psusUsed = 0
    var start = cells.lowerBound
    while start < cells.upperBound {
      let h = Int(psuStratum[Int(domains.cellPSU[start])])
      var end = start
      var used = false
      var stratumTotal = 0.0
      while end < cells.upperBound, Int(psuStratum[Int(domains.cellPSU[end])]) == h {
        stratumTotal += influence(end)
        if sums.count[end] > 0 {
          used = true
          psusUsed += 1
        }
        end += 1
      }
      let stratumCells = start..<end
      start = end
      guard used else { continue }
      strataUsed += 1
      let sampled = sampledPSUs(inStratum: h)
      let correction = finiteCorrection[h]
      if correction < 1e-7 {
        strataKept += 1
      } else if sampled >= 2 {
        let centre = stratumTotal / Double(sampled)
        var squares = 0.0
        for cell in stratumCells {
          let deviation = influence(cell) - centre
          squares += deviation * deviation
        }
        squares += Double(sampled - stratumCells.count) * centre * centre
        sum += correction * Double(sampled) / Double(sampled - 1) * squares
        strataKept += 1
      } else {
        switch lonelyPSU {
        case .fail:
          throw TabulateError.lonelyPSU(strataColumn: spec.strata, stratum: spec.strata == nil ? nil : strataLabels[h])
        case .remove, .certainty:
          strataKept += 1
        case .adjust:
          sum += correction * stratumTotal * stratumTotal
          strataKept += 1
        case .average:
          break
        }
      }
    }
    let variance = strataKept == strataUsed ? sum : sum * Double(strataUsed) / Double(strataKept)
    return (variance, psusUsed - strataUsed)
  }
}
