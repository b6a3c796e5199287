/// Dense matrices of a few dozen rows (a two-way table's cells), for the Rao–Scott tests.
struct SmallMatrix: Equatable {
  var rows: Int
  var columns: Int
  /// Row-major values.
  var values: [Double]

  init(rows: Int, columns: Int, values: [Double]? = nil) {
    self.rows = rows
    self.columns = columns
    self.values = values ?? [Double](repeating: 0, count: rows * columns)
  }

  subscript(row: Int, column: Int) -> Double {
    get { values[row * columns + column] }
    set { values[row * columns + column] = newValue }
  }

  var transposed: SmallMatrix {
    var result = SmallMatrix(rows: columns, columns: rows)
    for r in 0..<rows { for c in 0..<columns { result[c, r] = self[r, c] } }
    return result
  }

  static func * (lhs: SmallMatrix, rhs: SmallMatrix) -> SmallMatrix {
    precondition(lhs.columns == rhs.rows)
    var result = SmallMatrix(rows: lhs.rows, columns: rhs.columns)
    for r in 0..<lhs.rows {
      for k in 0..<lhs.columns where lhs[r, k] != 0 {
        let a = lhs[r, k]
        for c in 0..<rhs.columns { result[r, c] += a * rhs[k, c] }
      }
    }
    return result
  }

  static func - (lhs: SmallMatrix, rhs: SmallMatrix) -> SmallMatrix {
    SmallMatrix(rows: lhs.rows, columns: lhs.columns, values: zip(lhs.values, rhs.values).map { $0 - $1 })
  }

  /// The matrix with row r scaled by `factors[r]` (diag(factors) · self).
  func scalingRows(_ factors: [Double]) -> SmallMatrix {
    var result = self
    for r in 0..<rows { for c in 0..<columns { result[r, c] *= factors[r] } }
    return result
  }

  var trace: Double { (0..<min(rows, columns)).reduce(0) { $0 + self[$1, $1] } }

  /// X with A·X = `rhs` (Gaussian elimination with partial pivoting); nil when A is singular.
  func solving(_ rhs: SmallMatrix) -> SmallMatrix? {
    precondition(rows == columns && rhs.rows == rows)
    var a = self
    var b = rhs
    let n = rows
    for column in 0..<n {
      guard let pivot = (column..<n).max(by: { abs(a[$0, column]) < abs(a[$1, column]) }), a[pivot, column] != 0 else {
        return nil
      }
      if pivot != column {
        for c in 0..<n { (a[column, c], a[pivot, c]) = (a[pivot, c], a[column, c]) }
        for c in 0..<b.columns { (b[column, c], b[pivot, c]) = (b[pivot, c], b[column, c]) }
      }
      for r in (column + 1)..<n where a[r, column] != 0 {
        let factor = a[r, column] / a[column, column]
        for c in column..<n { a[r, c] -= factor * a[column, c] }
        for c in 0..<b.columns { b[r, c] -= factor * b[column, c] }
      }
    }
    for column in stride(from: n - 1, through: 0, by: -1) {
      for c in 0..<b.columns {
        var sum = b[column, c]
        for k in (column + 1)..<n { sum -= a[column, k] * b[k, c] }
        b[column, c] = sum / a[column, column]
      }
    }
    return b
  }
}
