import SurveyCore

/// Sums of one analysis variable over the rows used, cell by cell (a cell is a domain's part of
/// one PSU), from a single pass over the rows; plus, per domain, the weighted sum of squared
/// deviations from the domain mean that the design effect needs.
struct CellSums {
  /// Rows used (in the domain, with a value).
  var count: [Int32]
  /// Σ w.
  var weight: [Double]
  /// Σ w·y.
  var weighted: [Double]
  /// Per domain: Σ w·(y − ȳ)² over the rows used; infinite when it overflows.
  var spread: [Double]

  /// The sums of a numeric variable; missing cells are left out (R's `na.rm = TRUE`).
  ///
  /// The squared deviations are accumulated around a per-domain shift (the domain's first
  /// value), which keeps them exact for a constant variable and accurate otherwise.
  init(values: [Double], state: [CellState], weights: [Double], domains: Domains) {
    let cells = domains.cellUnit.count
    var count = [Int32](repeating: 0, count: cells)
    var weight = [Double](repeating: 0, count: cells)
    var weighted = [Double](repeating: 0, count: cells)
    var shift = [Double](repeating: .nan, count: domains.count)
    var shifted = [Double](repeating: 0, count: domains.count)
    var squares = [Double](repeating: 0, count: domains.count)
    let rowCell = domains.rowCell
    let rowDomain = domains.rowDomain
    for row in 0..<values.count {
      let cell = Int(rowCell[row])
      if cell < 0 || state[row] != .present { continue }
      let w = weights[row]
      let y = values[row]
      count[cell] += 1
      weight[cell] += w
      weighted[cell] += w * y
      let d = Int(rowDomain[row])
      if shift[d].isNaN { shift[d] = y }
      let deviation = y - shift[d]
      shifted[d] += w * deviation
      squares[d] += w * deviation * deviation
    }
    self.count = count
    self.weight = weight
    self.weighted = weighted
    spread = [Double](repeating: 0, count: domains.count)
    for d in 0..<domains.count {
      var total = 0.0
      for cell in domains.cellStart[d]..<domains.cellStart[d + 1] { total += weight[cell] }
      // An overflowed sum of squares stays infinite (max would turn its NaN into 0).
      let overflowed = !(squares[d].isFinite && (shifted[d] * shifted[d]).isFinite)
      spread[d] = total > 0 ? (overflowed ? .infinity : max(0, squares[d] - shifted[d] * shifted[d] / total)) : 0
    }
  }

  /// The row counts and weights of a categorical variable (rows with any level), with no
  /// level sums yet: ``setLevel(_:codes:weights:domains:)`` fills those one level at a time.
  init(codes: [Int32], weights: [Double], domains: Domains) {
    let cells = domains.cellUnit.count
    var count = [Int32](repeating: 0, count: cells)
    var weight = [Double](repeating: 0, count: cells)
    let rowCell = domains.rowCell
    for row in 0..<codes.count {
      let cell = Int(rowCell[row])
      if cell < 0 || codes[row] < 0 { continue }
      count[cell] += 1
      weight[cell] += weights[row]
    }
    self.count = count
    self.weight = weight
    weighted = [Double](repeating: 0, count: cells)
    spread = [Double](repeating: 0, count: domains.count)
  }

  /// Makes y the indicator of `level`: Σ w·1{code = level} per cell, and per domain
  /// Σ w (y − p)² = T (W − T) / W, exactly 0 when the level is absent or universal.
  mutating func setLevel(_ level: Int32, codes: [Int32], weights: [Double], domains: Domains) {
    for cell in weighted.indices { weighted[cell] = 0 }
    let rowCell = domains.rowCell
    for row in 0..<codes.count where codes[row] == level {
      let cell = Int(rowCell[row])
      if cell >= 0 { weighted[cell] += weights[row] }
    }
    for d in 0..<domains.count {
      var total = 0.0
      var levelTotal = 0.0
      for cell in domains.cellStart[d]..<domains.cellStart[d + 1] {
        total += weight[cell]
        levelTotal += weighted[cell]
      }
      spread[d] = total > 0 ? max(0, levelTotal * (total - levelTotal) / total) : 0
    }
  }
}
