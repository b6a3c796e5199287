/// The interpolating cubic spline of Forsythe, Malcolm and Moler with R's end conditions (R's
/// `spline(method = "fmm")`): the third derivative at each end matches that of the cubic
/// through the four points nearest it. For the profile-likelihood interval, which R reads off
/// such a spline.
struct CubicSpline {
  let x: [Double]
  let y: [Double]
  /// On [xᵢ, xᵢ₊₁]: y(u) = yᵢ + dx·(bᵢ + dx·(cᵢ + dx·dᵢ)), dx = u − xᵢ.
  private(set) var b: [Double]
  private(set) var c: [Double]
  private(set) var d: [Double]

  /// The spline through the points (`x` increasing, at least two).
  init(x: [Double], y: [Double]) {
    precondition(x.count == y.count && x.count >= 2)
    self.x = x
    self.y = y
    let n = x.count
    b = [Double](repeating: 0, count: n)
    c = b
    d = b
    if n < 3 {
      b[0] = (y[1] - y[0]) / (x[1] - x[0])
      b[1] = b[0]
      return
    }
    solve(n)
  }

  /// R's `fmm_spline`, indices from 0: the tridiagonal system of the second derivatives with
  /// the end conditions, solved, then the cubics' coefficients.
  private mutating func solve(_ n: Int) {
    setUpSystem(n)
    let last = n - 1
    for i in 1...last {
      let t = d[i - 1] / b[i - 1]
      b[i] -= t * d[i - 1]
      c[i] -= t * c[i - 1]
    }
    c[last] /= b[last]
    for i in stride(from: last - 1, through: 0, by: -1) {
      c[i] = (c[i] - d[i] * c[i + 1]) / b[i]
    }
    b[last] = (y[last] - y[last - 1]) / d[last - 1] + d[last - 1] * (c[last - 1] + 2 * c[last])
    for i in 0..<last {
      b[i] = (y[i + 1] - y[i]) / d[i] - d[i] * (c[i + 1] + 2 * c[i])
      d[i] = (c[i + 1] - c[i]) / d[i]
      c[i] = 3 * c[i]
    }
    c[last] = 3 * c[last]
    d[last] = d[last - 1]
  }

  /// The system: b the diagonal, d the off-diagonal, c the right-hand side; at each end the
  /// third derivative of the cubic through the four nearest points (for n > 3).
  private mutating func setUpSystem(_ n: Int) {
    let last = n - 1
    d[0] = x[1] - x[0]
    c[1] = (y[1] - y[0]) / d[0]
    for i in 1..<last {
      d[i] = x[i + 1] - x[i]
      b[i] = 2 * (d[i - 1] + d[i])
      c[i + 1] = (y[i + 1] - y[i]) / d[i]
      c[i] = c[i + 1] - c[i]
    }
    b[0] = -d[0]
    b[last] = -d[last - 1]
    c[0] = 0
    c[last] = 0
    if n > 3 {
      c[0] = c[2] / (x[3] - x[1]) - c[1] / (x[2] - x[0])
      c[last] = c[last - 1] / (x[last] - x[last - 2]) - c[last - 2] / (x[last - 1] - x[last - 3])
      c[0] = c[0] * d[0] * d[0] / (x[3] - x[0])
      c[last] = -c[last] * d[last - 1] * d[last - 1] / (x[last] - x[last - 3])
    }
  }

  /// The spline's value at `u`: the cubic of the interval holding u (the end ones beyond the
  /// ends), found by bisection.
  func value(_ u: Double) -> Double {
    evaluate(u, from: 0).value
  }

  /// R's `spline_eval` step: keeps the interval `i` of the point before while u is within it (so
  /// a point at an interval's right end takes that interval's cubic, as in R), else bisects.
  private func evaluate(_ u: Double, from start: Int) -> (value: Double, interval: Int) {
    var i = start
    let last = x.count - 1
    if u < x[i] || (i < last && x[i + 1] < u) {
      i = 0
      var j = x.count
      repeat {
        let k = (i + j) / 2
        if u < x[k] { j = k } else { i = k }
      } while j > i + 1
    }
    let dx = u - x[i]
    return (y[i] + dx * (b[i] + dx * (c[i] + dx * d[i])), i)
  }

  /// The spline at `count` (≥ 2) equally spaced points from the first x to the last (R's
  /// `spline(x, y, n = count)`: the points of `seq(min(x), max(x), length.out = count)`, evaluated
  /// in order).
  func grid(count: Int) -> (x: [Double], y: [Double]) {
    let from = x[0]
    let to = x[x.count - 1]
    let by = (to - from) / Double(count - 1)
    let points = (0..<count).map { i in i == count - 1 ? to : from + Double(i) * by }
    var values: [Double] = []
    values.reserveCapacity(count)
    var interval = 0
    for u in points {
      let (value, i) = evaluate(u, from: interval)
      values.append(value)
      interval = i
    }
    return (points, values)
  }
}
