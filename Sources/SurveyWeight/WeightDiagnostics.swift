/// Summary statistics of the final weights, with every weighting step, for `weights.json`.
///
/// Statistics are over the rows with a nonzero weight: nonrespondents (weight 0 after a
/// nonresponse adjustment) are counted apart.
public struct WeightDiagnostics: Sendable, Equatable {
  /// The weighting steps applied, in order.
  public var steps: [WeightStep]
  /// Every population total of the weighting with the weighted total of the final weights
  /// (trimming may move them off target).
  public var finalTargets: [MarginCheck]
  /// The number of rows.
  public var rows: Int
  /// The number of nonzero weights.
  public var count: Int
  /// Rows with weight 0.
  public var zeros: Int
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
  /// The replicate weights of a replicate design, as `weights.json` describes them.
  public var replicates: ReplicateSummary?

  /// The diagnostics of `weights` after `steps`.
  public init(weights: [Double], steps: [WeightStep], finalTargets: [MarginCheck] = []) {
    self.steps = steps
    self.finalTargets = finalTargets
    rows = weights.count
    let summary = WeightSummary(weights)
    count = summary.count
    zeros = summary.zeros
    sum = summary.sum
    min = summary.min
    max = summary.max
    guard count > 0 else { return }
    let n = Double(count)
    self.mean = sum / n
    // Squares of weights scaled by a power of two (exact, so the results are the same to the bit)
    // neither overflow nor underflow: weights of 1e200 still have a design effect.
    let exponent = Swift.max(abs(summary.min ?? 1), abs(summary.max ?? 1)).exponent
    let factor = Double(sign: .plus, exponent: -Swift.min(Swift.max(exponent, -1000), 1000), significand: 1)
    let scaledSum = sum * factor
    let mean = scaledSum / n
    var squares = 0.0
    var deviations = 0.0
    for weight in weights where weight != 0 {
      let w = weight * factor
      squares += w * w
      deviations += (w - mean) * (w - mean)
    }
    cv = (deviations / n).squareRoot() / mean
    kishDeff = n * squares / (scaledSum * scaledSum)
    effectiveN = scaledSum * scaledSum / squares
  }
}

/// How a replicate design's replicates were made, for `weights.json`: R's type, their number,
/// scale and rscales, whether deviations centre on the full-sample estimate, and where they came
/// from.
public struct ReplicateSummary: Sendable, Equatable {
  public var method: String
  public var count: Int
  public var scale: Double
  public var rscales: [Double]
  public var mse: Bool
  public var origin: String

  public init(method: String, count: Int, scale: Double, rscales: [Double], mse: Bool, origin: String) {
    self.method = method
    self.count = count
    self.scale = scale
    self.rscales = rscales
    self.mse = mse
    self.origin = origin
  }
}
