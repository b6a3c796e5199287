import Foundation
import SurveyCore
import SurveyDesign

extension Estimator {
  /// A domain's estimate with each replicate's weights, from its cell sums: Σ f·w·y (a total) or
  /// Σ f·w·y / Σ f·w (a mean, proportion or ratio, whose ``CellSums/weight`` is Σ w·x), f the
  /// replicate's factor of the cell's unit. Cells × replicates operations; no copy of the rows.
  /// A replicate that leaves a mean's domain without weight gives NaN, which the variance leaves
  /// out as R does.
  func replicateEstimates(
    _ replicates: ReplicateWeights, cells: Range<Int>, domains: Domains, sums: CellSums, isMean: Bool
  ) -> [Double] {
    let count = replicates.count
    var numerators = [Double](repeating: 0, count: count)
    var denominators = [Double](repeating: 0, count: count)
    let factors = replicates.factors
    for cell in cells where sums.count[cell] > 0 {
      // The unit's factors lie together (unit-major): one pass over them per cell.
      let base = Int(domains.cellUnit[cell]) * count
      let (weighted, weight) = (sums.weighted[cell], sums.weight[cell])
      for r in 0..<count {
        numerators[r] += factors[base + r] * weighted
        denominators[r] += factors[base + r] * weight
      }
    }
    return isMean ? zip(numerators, denominators).map { $0 / $1 } : numerators
  }

  /// The replicate variance of one domain's estimate (R's `svrVar`); NaN when no replicate gives a
  /// number.
  ///
  /// - Throws: ``TaylorVariance/Overflow`` when it is infinite.
  func replicateVariance(
    _ replicates: ReplicateWeights, cells: Range<Int>, domains: Domains, sums: CellSums, isMean: Bool, estimate: Double
  ) throws -> Double {
    let estimates = replicateEstimates(replicates, cells: cells, domains: domains, sums: sums, isMean: isMean)
    let variance = replicates.variance(estimates, full: estimate) ?? .nan
    if variance.isInfinite { throw TaylorVariance.Overflow() }
    return variance
  }

  /// `svyciprop(method = "logit")` on a replicate design: R fits the intercept-only
  /// quasi-binomial model to every replicate, so the interval is logit(p̂) ± t·SE with the SE of
  /// the replicates' logits, mapped back; nil when a logit is not finite.
  func replicateLogitInterval(
    _ replicates: ReplicateWeights, cells: Range<Int>, domains: Domains, sums: CellSums, p: Double, t: Double
  ) -> (Double, Double)? {
    func logit(_ x: Double) -> Double { log(x / (1 - x)) }
    let logits = replicateEstimates(replicates, cells: cells, domains: domains, sums: sums, isMean: true).map(logit)
    let centre = logit(p)
    guard centre.isFinite, let variance = replicates.variance(logits, full: centre), variance.isFinite else { return nil }
    let half = t * variance.squareRoot()
    func expit(_ x: Double) -> Double { exp(x) / (1 + exp(x)) }
    return (expit(centre - half), expit(centre + half))
  }
}
