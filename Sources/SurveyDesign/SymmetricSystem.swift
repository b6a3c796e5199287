/// Small dense symmetric systems (calibration models have a few dozen columns at most): the
/// solution of M x = b by a scaled Cholesky factorization, and the Moore–Penrose inverse.
public struct SymmetricSystem: Sendable {
  /// The matrix, row-major, n × n.
  public let matrix: [Double]
  public let size: Int

  public init(matrix: [Double], size: Int) {
    precondition(matrix.count == size * size)
    self.matrix = matrix
    self.size = size
  }

  /// The Cholesky factor of D⁻¹ M D⁻¹ (D the square roots of M's diagonal), which keeps the
  /// factorization accurate when columns differ in scale (an intercept beside a variable in the
  /// hundreds); nil when M is not positive definite to working precision.
  public func factorization() -> Factorization? {
    let n = size
    var scale = [Double](repeating: 1, count: n)
    for i in 0..<n {
      let d = matrix[i * n + i]
      guard d > 0, d.isFinite else { return nil }
      scale[i] = d.squareRoot()
    }
    var l = [Double](repeating: 0, count: n * n)
    for j in 0..<n {
      var diagonal = matrix[j * n + j] / (scale[j] * scale[j])
      for k in 0..<j { diagonal -= l[j * n + k] * l[j * n + k] }
      guard diagonal > 1e-13 else { return nil }
      let root = diagonal.squareRoot()
      l[j * n + j] = root
      for i in (j + 1)..<max(j + 1, n) {
        var value = matrix[i * n + j] / (scale[i] * scale[j])
        for k in 0..<j { value -= l[i * n + k] * l[j * n + k] }
        l[i * n + j] = value / root
      }
    }
    return Factorization(lower: l, scale: scale, size: n)
  }

  /// A Cholesky factorization of a scaled positive definite matrix.
  public struct Factorization: Sendable {
    let lower: [Double]
    let scale: [Double]
    let size: Int

    /// x with M x = b.
    public func solve(_ b: [Double]) -> [Double] {
      let n = size
      var y = [Double](repeating: 0, count: n)
      for i in 0..<n {
        var value = b[i] / scale[i]
        for k in 0..<i { value -= lower[i * n + k] * y[k] }
        y[i] = value / lower[i * n + i]
      }
      var x = [Double](repeating: 0, count: n)
      for i in stride(from: n - 1, through: 0, by: -1) {
        var value = y[i]
        for k in (i + 1)..<max(i + 1, n) { value -= lower[k * n + i] * x[k] }
        x[i] = value / lower[i * n + i]
      }
      for i in 0..<n { x[i] /= scale[i] }
      return x
    }
  }

  /// The Moore–Penrose inverse applied to `b`, as R's `MASS::ginv(M) %*% b`: eigenvalues below
  /// `tolerance` × the largest are taken as zero (R's default 256 × machine epsilon).
  public func pseudoInverseTimes(_ b: [Double], tolerance: Double = 256 * Double.ulpOfOne) -> [Double] {
    let (values, vectors) = eigen()
    let n = size
    let largest = values.map(abs).max() ?? 0
    var x = [Double](repeating: 0, count: n)
    for k in 0..<n where abs(values[k]) > max(tolerance * largest, 0) {
      var projection = 0.0
      for i in 0..<n { projection += vectors[i * n + k] * b[i] }
      projection /= values[k]
      for i in 0..<n { x[i] += vectors[i * n + k] * projection }
    }
    return x
  }

  /// Eigenvalues and eigenvectors (columns, row-major) by cyclic Jacobi rotations.
  func eigen() -> (values: [Double], vectors: [Double]) {
    let n = size
    var a = matrix
    var v = [Double](repeating: 0, count: n * n)
    for i in 0..<n { v[i * n + i] = 1 }
    for _ in 0..<100 {
      var off = 0.0
      var total = 0.0
      for i in 0..<n {
        for j in 0..<n {
          total += a[i * n + j] * a[i * n + j]
          if i != j { off += a[i * n + j] * a[i * n + j] }
        }
      }
      if off <= total * 1e-32 || off == 0 { break }
      for p in 0..<n {
        for q in (p + 1)..<max(p + 1, n) where a[p * n + q] != 0 {
          let theta = (a[q * n + q] - a[p * n + p]) / (2 * a[p * n + q])
          let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
          let c = 1 / (t * t + 1).squareRoot()
          let s = t * c
          for k in 0..<n {
            let akp = a[k * n + p]
            let akq = a[k * n + q]
            a[k * n + p] = c * akp - s * akq
            a[k * n + q] = s * akp + c * akq
          }
          for k in 0..<n {
            let apk = a[p * n + k]
            let aqk = a[q * n + k]
            a[p * n + k] = c * apk - s * aqk
            a[q * n + k] = s * apk + c * aqk
          }
          for k in 0..<n {
            let vkp = v[k * n + p]
            let vkq = v[k * n + q]
            v[k * n + p] = c * vkp - s * vkq
            v[k * n + q] = s * vkp + c * vkq
          }
        }
      }
    }
    return ((0..<n).map { a[$0 * n + $0] }, v)
  }
}
