import SurveyDesign

extension Residualizer {
  /// B of a row-level kind: Σ v h over each unit's rows (units × dimension).
  static func denseUnitSums(
    model: CalibrationModel, v: [Double], sample: [Bool], unitOfRow: [Int32], position: [Int32], units: Int
  ) -> [Double] {
    let p = model.count
    var sums = [Double](repeating: 0, count: units * p)
    var features = [Double](repeating: 0, count: p)
    for row in sample.indices where sample[row] {
      model.features(row: row, into: &features)
      let base = Int(position[Int(unitOfRow[row])]) * p
      for a in 0..<p { sums[base + a] += features[a] * v[row] }
    }
    return sums
  }

  /// A source's sums of row weights per (unit, cell), grouped by unit.
  static func unitCells(
    _ source: CellSource, weights: [Double], sample: [Bool], unitOfRow: [Int32], position: [Int32], unitCount: Int
  ) -> UnitCells {
    // Rows by unit (a counting sort), then per unit its cells.
    var rowStart = [Int](repeating: 0, count: unitCount + 1)
    for row in sample.indices where sample[row] && source.cell[row] >= 0 {
      rowStart[Int(position[Int(unitOfRow[row])]) + 1] += 1
    }
    for u in 0..<unitCount { rowStart[u + 1] += rowStart[u] }
    var next = Array(rowStart.dropLast())
    var rows = [Int32](repeating: 0, count: rowStart[unitCount])
    for row in sample.indices where sample[row] && source.cell[row] >= 0 {
      let u = Int(position[Int(unitOfRow[row])])
      rows[next[u]] = Int32(row)
      next[u] += 1
    }
    var scratch = [Double](repeating: 0, count: source.count)
    var seen = [Bool](repeating: false, count: source.count)
    var touched: [Int32] = []
    var start = [Int](repeating: 0, count: unitCount + 1)
    var cells: [Int32] = []
    var sums: [Double] = []
    for u in 0..<unitCount {
      for index in rowStart[u]..<rowStart[u + 1] {
        let row = Int(rows[index])
        let c = Int(source.cell[row])
        if !seen[c] {
          seen[c] = true
          touched.append(Int32(c))
        }
        scratch[c] += weights[row]
      }
      for c in touched {
        cells.append(c)
        sums.append(scratch[Int(c)])
        scratch[Int(c)] = 0
        seen[Int(c)] = false
      }
      touched.removeAll(keepingCapacity: true)
      start[u + 1] = cells.count
    }
    return UnitCells(start: start, cell: cells, weight: sums)
  }
}
