import SurveyCore

extension QuantileRule {
  /// The `p`-quantile of `sample` under this rule, as R's `qrule_*(x, w, p)` computes it
  /// (docs/statistics.md, "Quantiles"); nil for an empty sample.
  func value(_ p: Double, in sample: WeightedSample) -> Double? {
    let n = sample.x.count
    guard n > 0 else { return nil }
    switch self {
    case .math, .hf1:
      let step = Step(p, sample)
      return step.below == 0 ? step.low : step.high
    case .school, .hf2:
      let step = Step(p, sample)
      return step.below == 0 ? (step.low + step.high) / 2 : step.high
    case .hf3:
      let step = Step(p, sample.collapsed())
      // R numbers the distinct values from 1: an even position takes the lower value.
      return step.below == 0 && (step.lowIndex + 1) % 2 == 0 ? step.low : step.high
    case .hf4:
      let step = Step(p, sample)
      let gamma = step.below / (step.above + step.below)
      return step.low * (1 - gamma) + step.high * gamma
    case .hf5, .hf6, .hf7, .hf8, .hf9:
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
    case .hf7: return n == 1 ? [0] : before.map { $0 / c[n - 2] }
    case .hf8: return (0..<n).map { (before[$0] * 1 / 3 + c[$0] * 2 / 3) / (last + w[n - 1] / 3) }
    case .hf9: return (0..<n).map { (before[$0] * 3 / 8 + c[$0] * 5 / 8) / (last + w[n - 1] / 4) }
    default: preconditionFailure("not an interpolating rule")
    }
  }

  /// Shah and Vaish's estimator: positions (S + 0.5 − w/2)/(n + 1) with S the running sum of the
  /// weights over their mean, the value at or below p (R's `approx(method = "constant", f = 0)`).
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

  /// R's `approx(positions, values, p, rule = 2)`: linear (or, `constant`, the value at the left
  /// end) between the two positions around p found by bisection; the end values outside.
  static func interpolate(_ p: Double, positions x: [Double], values y: [Double], constant: Bool = false) -> Double {
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
}

/// Where p falls in a sample's weighted distribution function (R's internal `qs`): the last
/// value whose running weight is at most p·W (the first when none is), the next one, and how far
/// p lies above the first's share and below the next's.
private struct Step {
  let low: Double
  let high: Double
  let lowIndex: Int
  /// p − (running weight at low)/W.
  let below: Double
  /// (running weight at high)/W − p.
  let above: Double

  init(_ p: Double, _ sample: WeightedSample) {
    let limit = p * sample.total
    var position = 0
    // The running sums increase, so the last one at most the limit is found by bisection.
    var lower = 0
    var upper = sample.cumulative.count
    while lower < upper {
      let middle = (lower + upper) / 2
      if sample.cumulative[middle] <= limit { lower = middle + 1 } else { upper = middle }
    }
    position = max(lower - 1, 0)
    let next = min(position + 1, sample.x.count - 1)
    low = sample.x[position]
    high = sample.x[next]
    lowIndex = position
    below = p - sample.cumulative[position] / sample.total
    above = sample.cumulative[next] / sample.total - p
  }
}
