extension Residualizer {
  /// Σ u h a of one estimate's influence values, gathered from its rows: per source, per cell,
  /// Σ rowScale · a; per dense kind, Σ u h a (empty for levels kinds).
  struct Sums {
    var sources: [[Double]]
    var dense: [[Double]]
  }

  /// Empty sums shaped for this residualizer.
  func emptySums() -> Sums {
    Sums(
      sources: sources.map { [Double](repeating: 0, count: $0.count) },
      dense: kinds.map { kind in
        if case .dense(let model, _, _) = kind { return [Double](repeating: 0, count: model.count) }
        return []
      })
  }

  /// What the steps take off each unit's total of the influence values whose sums are `sums`:
  /// one value per unit of ``units``.
  func corrections(_ sums: Sums) -> [Double] {
    let dims = kinds.map(\.dimension)
    // S of every kind before centring.
    let raw: [[Double]] = kinds.enumerated().map { k, kind in
      switch kind {
      case .levels(let source, let levelOfCell, let uOfCell, _, let count):
        var s = [Double](repeating: 0, count: count)
        let cellSums = sums.sources[source]
        for c in cellSums.indices { s[Int(levelOfCell[c])] += uOfCell[c] * cellSums[c] }
        return s
      case .dense:
        return sums.dense[k]
      case .cellDense(let source, let features, let uOfCell, _, let count):
        var s = [Double](repeating: 0, count: count)
        let cellSums = sums.sources[source]
        for c in cellSums.indices where cellSums[c] != 0 {
          let value = uOfCell[c] * cellSums[c]
          for j in 0..<count { s[j] += features[c * count + j] * value }
        }
        return s
      }
    }
    // θ of every step, accumulated per kind (Θ).
    var theta = dims.map { [Double](repeating: 0, count: $0) }
    var started = [Bool](repeating: false, count: kinds.count)
    for k in steps {
      var b = raw[k]
      for j in kinds.indices where started[j] {
        let matrix = cross[k][j]
        for a in 0..<dims[k] {
          var value = 0.0
          for c in 0..<dims[j] { value += matrix[a * dims[j] + c] * theta[j][c] }
          b[a] -= value
        }
      }
      let step = normalizers[k].apply(b)
      for a in 0..<dims[k] { theta[k][a] += step[a] }
      started[k] = true
    }
    // B'Θ per unit.
    var corrections = [Double](repeating: 0, count: units.count)
    for (s, unitCell) in unitCells.enumerated() {
      var perCell = [Double](repeating: 0, count: sources[s].count)
      for (k, kind) in kinds.enumerated() {
        switch kind {
        case .levels(let source, let levelOfCell, _, let vOfCell, _) where source == s:
          for c in perCell.indices { perCell[c] += vOfCell[c] * theta[k][Int(levelOfCell[c])] }
        case .cellDense(let source, let features, _, let vOfCell, let count) where source == s:
          for c in perCell.indices {
            var dot = 0.0
            for j in 0..<count { dot += features[c * count + j] * theta[k][j] }
            perCell[c] += vOfCell[c] * dot
          }
        default:
          continue
        }
      }
      for u in 0..<units.count {
        var value = 0.0
        for index in unitCell.start[u]..<unitCell.start[u + 1] {
          value += unitCell.weight[index] * perCell[Int(unitCell.cell[index])]
        }
        corrections[u] += value
      }
    }
    for (k, kind) in kinds.enumerated() {
      guard case .dense = kind else { continue }
      let p = dims[k]
      let b = unitSums[k]
      for u in 0..<units.count {
        var value = 0.0
        for a in 0..<p { value += b[u * p + a] * theta[k][a] }
        corrections[u] += value
      }
    }
    return corrections
  }
}
