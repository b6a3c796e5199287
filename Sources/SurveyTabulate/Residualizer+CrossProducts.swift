import SurveyDesign

extension Residualizer {
  /// u h and v h of a kind whose features are functions of its source's cells, per cell
  /// (row-major, cells × dimension), without the rows' own factors.
  static func cellVectors(_ kind: Kind) -> (u: [Double], v: [Double])? {
    switch kind {
    case .levels(_, let levelOfCell, let uOfCell, let vOfCell, let count):
      var u = [Double](repeating: 0, count: levelOfCell.count * count)
      var v = u
      for c in levelOfCell.indices {
        u[c * count + Int(levelOfCell[c])] = uOfCell[c]
        v[c * count + Int(levelOfCell[c])] = vOfCell[c]
      }
      return (u, v)
    case .cellDense(_, let features, let uOfCell, let vOfCell, let count):
      var u = features
      var v = features
      for c in uOfCell.indices {
        for j in 0..<count {
          u[c * count + j] *= uOfCell[c]
          v[c * count + j] *= vOfCell[c]
        }
      }
      return (u, v)
    case .dense:
      return nil
    }
  }

  /// The source of a cell-based kind.
  static func source(of kind: Kind) -> Int? {
    switch kind {
    case .levels(let source, _, _, _, _), .cellDense(let source, _, _, _, _): return source
    case .dense: return nil
    }
  }

  /// K[k][j] = Σ u_k h_k (v_j h_j)' over the rows of the sample. Between kinds whose features
  /// are functions of cells, the sum runs over cells (or pairs of cells of two sources) with the
  /// rows' mass Σ rowScale × weight; pairs with a row-level kind run over the rows.
  static func crossProducts(
    kinds: [Kind], sources: [CellSource], sourceWeights: [[Double]], sample: [Bool]
  ) -> [[[Double]]] {
    let dims = kinds.map(\.dimension)
    let vectors = kinds.map(cellVectors)
    var masses: [[Int]: [Double]] = [:]
    func mass(_ s: Int, _ t: Int) -> [Double] {
      if let known = masses[[s, t]] { return known }
      let value = pairMass(sources[s], sources[t], weights: sourceWeights[t], sample: sample)
      masses[[s, t]] = value
      return value
    }
    var cross = kinds.indices.map { k in kinds.indices.map { j in [Double](repeating: 0, count: dims[k] * dims[j]) } }
    var rowPairs: [(Int, Int)] = []
    for k in kinds.indices {
      for j in kinds.indices {
        guard let (uk, _) = vectors[k], let (_, vj) = vectors[j], let s = source(of: kinds[k]), let t = source(of: kinds[j])
        else {
          rowPairs.append((k, j))
          continue
        }
        // Σ over cell pairs (c of s, d of t) of mass × u_k(c) v_j(d)'.
        let m = mass(s, t)
        let cellsT = sources[t].count
        let (dk, dj) = (dims[k], dims[j])
        var product = [Double](repeating: 0, count: dk * dj)
        for c in 0..<sources[s].count {
          for d in 0..<cellsT {
            let weight = m[c * cellsT + d]
            if weight == 0 { continue }
            for a in 0..<dk where uk[c * dk + a] != 0 {
              let left = weight * uk[c * dk + a]
              for b in 0..<dj { product[a * dj + b] += left * vj[d * dj + b] }
            }
          }
        }
        cross[k][j] = product
      }
    }
    if !rowPairs.isEmpty {
      addRowPairs(rowPairs, into: &cross, kinds: kinds, sources: sources, sourceWeights: sourceWeights, sample: sample)
    }
    return cross
  }

  /// Σ over the sample's rows of rowScale_s × weight_t, per pair (cell of s, cell of t),
  /// row-major (cells of s × cells of t).
  static func pairMass(_ s: CellSource, _ t: CellSource, weights: [Double], sample: [Bool]) -> [Double] {
    var mass = [Double](repeating: 0, count: s.count * t.count)
    let cellS = s.cell
    let cellT = t.cell
    let scale = s.rowScale
    for row in sample.indices where sample[row] {
      let c = Int(cellS[row])
      let d = Int(cellT[row])
      if c < 0 || d < 0 { continue }
      mass[c * t.count + d] += (scale?[row] ?? 1) * weights[row]
    }
    return mass
  }

  /// Adds the cross-products of pairs with a row-level kind, row by row.
  static func addRowPairs(
    _ pairs: [(Int, Int)], into cross: inout [[[Double]]], kinds: [Kind], sources: [CellSource],
    sourceWeights: [[Double]], sample: [Bool]
  ) {
    let dims = kinds.map(\.dimension)
    let vectors = kinds.map(cellVectors)
    var u = dims.map { [Double](repeating: 0, count: $0) }
    var v = u
    for row in sample.indices where sample[row] {
      for k in kinds.indices {
        switch kinds[k] {
        case .dense(let model, let uRow, let vRow):
          model.features(row: row, into: &u[k])
          for a in 0..<dims[k] {
            v[k][a] = u[k][a] * vRow[row]
            u[k][a] *= uRow[row]
          }
        case .levels(let source, _, _, _, _), .cellDense(let source, _, _, _, _):
          let c = Int(sources[source].cell[row])
          let scale = sources[source].rowScale?[row] ?? 1
          let weight = sourceWeights[source][row]
          for a in 0..<dims[k] {
            u[k][a] = scale * vectors[k]!.u[c * dims[k] + a]
            v[k][a] = weight * vectors[k]!.v[c * dims[k] + a]
          }
        }
      }
      for (k, j) in pairs {
        for a in 0..<dims[k] where u[k][a] != 0 {
          for b in 0..<dims[j] { cross[k][j][a * dims[j] + b] += u[k][a] * v[j][b] }
        }
      }
    }
  }
}
