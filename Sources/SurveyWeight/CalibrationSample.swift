import SurveyDesign

/// The rows of a calibration, as the distinct rows of the model matrix with their summed
/// weights: a calibration factor depends on a row only through its model-matrix row, so a model
/// of categorical variables alone runs on its few cells instead of every respondent. With a
/// numeric variable every row with a weight is its own point.
struct CalibrationSample {
  /// The distinct model-matrix rows, row-major (``points`` × the model's columns).
  let matrix: [Double]
  /// Per point: the sum of the weights of its rows.
  let weights: [Double]
  /// Per row of the table: its point, −1 for rows without a weight.
  let point: [Int32]
  /// The number of model columns.
  let columns: Int

  init(model: CalibrationModel, weights rowWeights: [Double]) {
    let p = model.count
    columns = p
    var point = [Int32](repeating: -1, count: rowWeights.count)
    var matrix: [Double] = []
    var weights: [Double] = []
    var features = [Double](repeating: 0, count: p)
    if let cells = model.cells(included: { rowWeights[$0] != 0 }, rows: rowWeights.count) {
      point = cells.cell
      matrix = cells.features
      weights = [Double](repeating: 0, count: cells.features.count / max(p, 1))
      for row in rowWeights.indices where point[row] >= 0 { weights[Int(point[row])] += rowWeights[row] }
    } else {
      for row in rowWeights.indices where rowWeights[row] != 0 {
        point[row] = Int32(weights.count)
        weights.append(rowWeights[row])
        model.features(row: row, into: &features)
        matrix += features
      }
    }
    self.matrix = matrix
    self.weights = weights
    self.point = point
  }

  /// The number of distinct rows.
  var count: Int { weights.count }

  /// Σ x w: the weighted sample total of every model column.
  var totals: [Double] {
    var totals = [Double](repeating: 0, count: columns)
    for index in 0..<count {
      for j in 0..<columns { totals[j] += matrix[index * columns + j] * weights[index] }
    }
    return totals
  }

  /// Σ w x x' (row-major), with an extra factor per point.
  func crossProduct(times factor: [Double]? = nil) -> [Double] {
    let p = columns
    var product = [Double](repeating: 0, count: p * p)
    for index in 0..<count {
      let w = weights[index] * (factor?[index] ?? 1)
      if w == 0 { continue }
      for a in 0..<p {
        let left = matrix[index * p + a] * w
        if left == 0 { continue }
        for b in 0..<p { product[a * p + b] += left * matrix[index * p + b] }
      }
    }
    return product
  }

  /// Per point: g given per point, spread back to the rows (1 on rows without a weight).
  func rowValues(_ values: [Double]) -> [Double] {
    point.map { $0 >= 0 ? values[Int($0)] : 1 }
  }
}
