import Foundation

/// R's fit of the intercept-only quasi-binomial model that `svyciprop` profiles (`svyglm`, that
/// is `glm.fit`'s iteratively reweighted least squares with its default control), replayed
/// closely enough to give what the profile takes from it: the intercept where R stops and the
/// model-based variance from R's last iteration, whose weights are those of the iteration
/// before (the `naive.cov` of R's Rao–Scott scaling).
///
/// The first iteration starts from each row's own mean, (W·y + 0.5)/(W + 1) with W = w/w̄; its
/// sums come from the rows (``Start``). From then on the linear predictor is one number and each
/// iteration is a Newton step on logit(p).
struct QuasiBinomialFit {
  /// The first iteration's sums over the domain's rows: Σ W μ₀(1 − μ₀) (the working weights),
  /// Σ W μ₀(1 − μ₀)·z (z the working response) and the deviance at the start.
  struct Start {
    var weight = 0.0
    var weightedResponse = 0.0
    var deviance = 0.0

    /// Adds a row of prior weight W (> 0) and response y (0 or 1).
    mutating func add(_ w: Double, success: Bool) {
      let mu = ((success ? w : 0) + 0.5) / (w + 1)
      let eta = Foundation.log(mu / (1 - mu))
      let variance = mu * (1 - mu)
      weight += w * variance
      weightedResponse += w * variance * eta + w * ((success ? 1 : 0) - mu)
      deviance += 2 * w * -Foundation.log(success ? mu : 1 - mu)
    }

    static func + (a: Start, b: Start) -> Start {
      Start(weight: a.weight + b.weight, weightedResponse: a.weightedResponse + b.weightedResponse, deviance: a.deviance + b.deviance)
    }

    static func - (a: Start, b: Start) -> Start {
      Start(weight: a.weight - b.weight, weightedResponse: a.weightedResponse - b.weightedResponse, deviance: a.deviance - b.deviance)
    }
  }

  /// The intercept where R's iterations stop.
  var intercept: Double
  /// R's `naive.cov`: 1 / Σ of the last iteration's working weights.
  var naiveVariance: Double

  /// Replays the fit for the proportion `p` on `rows` rows (the prior weights add up to it), from
  /// the first iteration's sums, with `glm.control()`'s ε = 1e-8 and 25 iterations.
  init?(p: Double, rows: Int, start: Start) {
    guard p > 0, p < 1, start.weight > 0 else { return nil }
    let n = Double(rows)
    func deviance(_ beta: Double) -> Double {
      let mu = 1 / (1 + Foundation.exp(-beta))
      return -2 * n * (p * Foundation.log(mu) + (1 - p) * Foundation.log(1 - mu))
    }
    var beta = start.weightedResponse / start.weight
    var lastWorkingWeight = start.weight
    var previous = start.deviance
    for _ in 1...25 {
      let current = deviance(beta)
      if abs(current - previous) / (abs(current) + 0.1) < 1e-8 {
        self.init(intercept: beta, naiveVariance: 1 / lastWorkingWeight)
        return
      }
      previous = current
      let mu = 1 / (1 + Foundation.exp(-beta))
      lastWorkingWeight = n * mu * (1 - mu)
      beta += (p - mu) / (mu * (1 - mu))
    }
    return nil
  }

  init(intercept: Double, naiveVariance: Double) {
    self.intercept = intercept
    self.naiveVariance = naiveVariance
  }
}
