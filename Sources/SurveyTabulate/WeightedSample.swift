import SurveyCore

/// One domain's values with their weights (all positive), sorted by value, ties in row order
/// (R's stable `order()`), with the sums R's quantile rules take: ``cumulative`` as R's
/// `cumsum(w[order(x)])` and ``total`` as R's `sum(w)` over the rows in their order, both added
/// in long double and rounded, so that a rule's comparisons come out as R's do.
struct WeightedSample {
  /// The values, ascending.
  let x: [Double]
  /// Their weights, in the same order.
  let w: [Double]
  /// Running sums of ``w``.
  let cumulative: [Double]
  /// The sum of the weights in row order.
  let total: Double

  /// Sorts `values` (in row order) with their `weights`.
  init(values: [Double], weights: [Double]) {
    let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
    self.init(sortedValues: order.map { values[$0] }, sortedWeights: order.map { weights[$0] }, total: Self.sum(weights))
  }

  init(sortedValues: [Double], sortedWeights: [Double], total: Double) {
    x = sortedValues
    w = sortedWeights
    var running: LongDouble = 0
    cumulative = sortedWeights.map { weight in
      running += LongDouble(weight)
      return Double(running)
    }
    self.total = total
  }

  /// R's `sum(w)`: added in long double, then rounded.
  static func sum(_ values: [Double]) -> Double {
    var sum: LongDouble = 0
    for value in values { sum += LongDouble(value) }
    return Double(sum)
  }

  /// R's `mean(w)`: the long-double sum over n, refined by the mean of the deviations.
  static func mean(_ values: [Double]) -> Double {
    var sum: LongDouble = 0
    for value in values { sum += LongDouble(value) }
    var mean = sum / LongDouble(values.count)
    if Double(mean).isFinite {
      var deviations: LongDouble = 0
      for value in values { deviations += LongDouble(value) - mean }
      mean += deviations / LongDouble(values.count)
    }
    return Double(mean)
  }

  /// The sample with one entry per distinct value, its weight the sum of the weights of its rows
  /// added in row order (R's `rowsum(w, x)`), for rule `hf3`.
  func collapsed() -> WeightedSample {
    var values: [Double] = []
    var weights: [Double] = []
    for index in x.indices {
      if let last = values.last, last == x[index] {
        weights[weights.count - 1] += w[index]
      } else {
        values.append(x[index])
        weights.append(w[index])
      }
    }
    return WeightedSample(sortedValues: values, sortedWeights: weights, total: Self.sum(weights))
  }
}
