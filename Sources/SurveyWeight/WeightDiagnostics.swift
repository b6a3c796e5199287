/// Summary statistics of a set of weights, for `weights.json`.
public struct WeightDiagnostics: Sendable, Equatable {
  /// The weighting steps applied, in order.
  public var steps: [WeightStep]
  /// The number of weights.
  public var count: Int
  /// Σ w: the estimated population size.
  public var sum: Double
  /// The extremes and the mean (nil without weights).
  public var min: Double?
  public var max: Double?
  public var mean: Double?
  /// Coefficient of variation: the population standard deviation (divisor n) over the mean,
  /// so that 1 + CV² is Kish's design effect.
  public var cv: Double?
  /// Kish's design effect due to weighting, n Σw² / (Σw)².
  public var kishDeff: Double?
  /// Kish's effective sample size, (Σw)² / Σw².
  public var effectiveN: Double?

  /// The diagnostics of `weights` after `steps`.
  public init(weights: [Double], steps: [WeightStep]) {
    self.steps = steps
    count = weights.count
    sum = weights.reduce(0, +)
    guard !weights.isEmpty else { return }
    let n = Double(weights.count)
    let mean = sum / n
    var squares = 0.0
    var deviations = 0.0
    var low = weights[0]
    var high = weights[0]
    for w in weights {
      squares += w * w
      deviations += (w - mean) * (w - mean)
      low = Swift.min(low, w)
      high = Swift.max(high, w)
    }
    self.min = low
    self.max = high
    self.mean = mean
    cv = (deviations / n).squareRoot() / mean
    kishDeff = n * squares / (sum * sum)
    effectiveN = sum * sum / squares
  }
}
