import SurveyCore

extension Estimator {
  /// R's `svychisq(statistic = "Wald" | "adjWald")`: the residuals Y = T − R·C/N̂ of the cell
  /// totals T from independence (R, C the row and column totals, N̂ their sum), their covariance
  /// J Σ J′ from the covariance Σ of the totals (T, R, C, N̂) and the Jacobian J, and the Wald
  /// statistic Y′V⁻¹Y over the cells of rows and columns 2… (docs/statistics.md).
  func wald(
    cells: [Int32], rows: [Int32], columns: [Int32], nr: Int, nc: Int, nu: Double, domains: Domains,
    into result: TestRow
  ) throws -> TestRow {
    var row = result
    let used = cells.map { $0 >= 0 ? CellState.present : .empty }
    var indicators: [[Double]] = (0..<(nr * nc)).map { k in cells.map { $0 == Int32(k) ? 1 : 0 } }
    indicators += (0..<nr).map { r in rows.map { $0 == Int32(r) ? 1 : 0 } }
    indicators += (0..<nc).map { c in columns.map { $0 == Int32(c) ? 1 : 0 } }
    indicators.append([Double](repeating: 1, count: cells.count))
    let influences = indicators.map { indicatorInfluence($0, state: used, domains: domains, mean: false) }
    let totals = influences.map(\.proportion)
    let sigma = try covariance(of: influences)
    let (y, jacobian) = Self.independenceResiduals(totals, nr: nr, nc: nc)
    let v = jacobian * sigma * jacobian.transposed
    let use = (0..<(nr * nc)).filter { $0 % nr > 0 && $0 / nr > 0 }
    var vUse = SmallMatrix(rows: use.count, columns: use.count)
    var yUse = SmallMatrix(rows: use.count, columns: 1)
    for (i, a) in use.enumerated() {
      yUse[i, 0] = y[a]
      for (j, b) in use.enumerated() { vUse[i, j] = v[a, b] }
    }
    guard let solved = vUse.solving(yUse) else { return row }
    let statistic = (yUse.transposed * solved)[0, 0]
    let k = Double((nr - 1) * (nc - 1))
    if row.test == ChiSquareStatistic.wald.rawValue {
      row.statistic = statistic / k
      row.ndf = k
      row.ddf = nu
    } else {
      row.ndf = k
      row.ddf = nu - k + 1
      row.statistic = statistic * (nu - k + 1) / (k * nu)
    }
    row.pValue = row.statistic.flatMap { Self.upperF($0, k, row.ddf ?? 0) }
    return row
  }

  /// Y = T − R_r C_c / N̂ per cell, and its Jacobian in (T, R, C, N̂), as R builds `Jcb`.
  static func independenceResiduals(_ totals: [Double], nr: Int, nc: Int) -> ([Double], SmallMatrix) {
    let count = nr * nc
    let rowTotals = Array(totals[count..<(count + nr)])
    let columnTotals = Array(totals[(count + nr)..<(count + nr + nc)])
    let all = totals[count + nr + nc]
    var jacobian = SmallMatrix(rows: count, columns: count + nr + nc + 1)
    var y = [Double](repeating: 0, count: count)
    for cell in 0..<count {
      let r = cell % nr
      let c = cell / nr
      y[cell] = totals[cell] - rowTotals[r] * columnTotals[c] / all
      jacobian[cell, cell] = 1
      jacobian[cell, count + r] = -columnTotals[c] / all
      jacobian[cell, count + nr + c] = -rowTotals[r] / all
      jacobian[cell, count + nr + nc] = rowTotals[r] * columnTotals[c] / (all * all)
    }
    return (y, jacobian)
  }
}
