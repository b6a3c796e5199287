/// Where p falls in a sample's weighted distribution function (R's internal `qs`): the last
/// value whose running weight is at most p·W (the first when none is), the next one, and how far
/// p lies above the first's share and below the next's.
struct QuantileStep {
  let low: Double
  let high: Double
  let lowIndex: Int
  /// p − (running weight at low)/W.
  let below: Double
  /// (running weight at high)/W − p.
  let above: Double

  init(_ p: Double, _ sample: WeightedSample) {
    let limit = p * sample.total
    // The running sums increase, so the last one at most the limit is found by bisection.
    var lower = 0
    var upper = sample.cumulative.count
    while lower < upper {
      let middle = (lower + upper) / 2
      if sample.cumulative[middle] <= limit { lower = middle + 1 } else { upper = middle }
    }
    let position = max(lower - 1, 0)
    let next = min(position + 1, sample.x.count - 1)
    low = sample.x[position]
    high = sample.x[next]
    lowIndex = position
    below = p - sample.cumulative[position] / sample.total
    above = sample.cumulative[next] / sample.total - p
  }
}
