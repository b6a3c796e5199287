import SurveyCore

extension QuantileRule {
  /// The `p`-quantile of `sample` under this rule, as R's `qrule_*(x, w, p)` computes it
  /// (docs/statistics.md, "Quantiles"); nil where R has none: an empty sample, one value under
  /// an interpolating rule (`hf5`…`hf9`: R's `approx` stops), or no number (`hf4` at p = 1,
  /// 0/0 in R's γ).
  func value(_ p: Double, in sample: WeightedSample) -> Double? {
    guard let value = rawValue(p, in: sample), value.isFinite else { return nil }
    return value
  }

  private func rawValue(_ p: Double, in sample: WeightedSample) -> Double? {
    let n = sample.x.count
    guard n > 0 else { return nil }
    switch self {
    case .math, .hf1:
      let step = QuantileStep(p, sample)
      return step.below == 0 ? step.low : step.high
    case .school, .hf2:
      let step = QuantileStep(p, sample)
      return step.below == 0 ? (step.low + step.high) / 2 : step.high
    case .hf3:
      let step = QuantileStep(p, sample.collapsed())
      // R numbers the distinct values from 1: an even position takes the lower value.
      return step.below == 0 && (step.lowIndex + 1) % 2 == 0 ? step.low : step.high
    case .hf4:
      let step = QuantileStep(p, sample)
      let gamma = step.below / (step.above + step.below)
      return step.low * (1 - gamma) + step.high * gamma
    case .hf5, .hf6, .hf7, .hf8, .hf9:
      guard n > 1 else { return nil }
      return Self.interpolate(p, positions: positions(sample), values: sample.x)
    case .shahvaish:
      return Self.shahVaish(p, sample)
    }
  }

  /// The plotting positions of the interpolating rules, as R computes them in double.
  private func positions(_ sample: WeightedSample) -> [Double] {
    let n = sample.x.count
    let c = sample.cumulative
    let w = sample.w
    let last = c[n - 1]
    // The running sum before each value: c(0, cumw[-n]).
    let before = (0..<n).map { $0 == 0 ? 0 : c[$0 - 1] }
    switch self {
    case .hf5: return (0..<n).map { (c[$0] - w[$0] / 2) / last }
    case .hf6: return (0..<n).map { c[$0] / (last + w[n - 1]) }
    case .hf7: return before.map { $0 / c[n - 2] }
    case .hf8: return (0..<n).map { (before[$0] * 1 / 3 + c[$0] * 2 / 3) / (last + w[n - 1] / 3) }
    case .hf9: return (0..<n).map { (before[$0] * 3 / 8 + c[$0] * 5 / 8) / (last + w[n - 1] / 4) }
    default: preconditionFailure("not an interpolating rule")
    }
  }

  /// Shah and Vaish's estimator: positions (S + 0.5 − w/2)/(n + 1) with S the running sum of the
  /// weights over their mean, the value at or below p (R's `approx(method = "constant", f = 0)`).
  /// With unequal weights the positions need not rise with the values: `interpolate` sorts them.
  private static func shahVaish(_ p: Double, _ sample: WeightedSample) -> Double {
    let n = sample.x.count
    let mean = WeightedSample.mean(sample.w)
    var running: LongDouble = 0
    let positions = sample.w.map { weight -> Double in
      running += LongDouble(weight / mean)
      return (Double(running) + 0.5 - weight / 2) / Double(n + 1)
    }
    return interpolate(p, positions: positions, values: sample.x, constant: true)
  }

  /// R's `approx(positions, values, p, rule = 2)`: the points sorted by position (stably) and
  /// tied positions merged into the mean of their values (R's `regularize.values`), then linear
  /// (or, `constant`, the value at the left end) between the two positions around p, found by
  /// bisection; the end values outside.
  static func interpolate(_ p: Double, positions: [Double], values: [Double], constant: Bool = false) -> Double {
    let (x, y) = regularized(positions, values)
    var i = 0
    var j = x.count - 1
    if p < x[i] { return y[i] }
    if p > x[j] { return y[j] }
    while i < j - 1 {
      let middle = (i + j) / 2
      if p < x[middle] { j = middle } else { i = middle }
    }
    if p == x[j] { return y[j] }
    if p == x[i] { return y[i] }
    if constant { return y[i] }
    return y[i] + (y[j] - y[i]) * ((p - x[i]) / (x[j] - x[i]))
  }

  /// The points sorted by x, ties in their order, each run of equal x one point with the mean
  /// (R's `mean`) of its y; as given when x already rises strictly.
  static func regularized(_ x: [Double], _ y: [Double]) -> (x: [Double], y: [Double]) {
    if zip(x, x.dropFirst()).allSatisfy({ $0 < $1 }) { return (x, y) }
    let order = x.indices.sorted { x[$0] < x[$1] || (x[$0] == x[$1] && $0 < $1) }
    var xs: [Double] = []
    var ys: [Double] = []
    var run: [Double] = []
    for (k, index) in order.enumerated() {
      run.append(y[index])
      if k == order.count - 1 || x[order[k + 1]] != x[index] {
        xs.append(x[index])
        ys.append(run.count == 1 ? run[0] : WeightedSample.mean(run))
        run.removeAll(keepingCapacity: true)
      }
    }
    return (xs, ys)
  }
}
