import Foundation
import SurveyCore

extension Estimator {
  /// The sums of ``LikelihoodSums`` in two passes over the rows (the first for Σw and the rows).
  func likelihoodSums(codes: [Int32], levels: Int, domains: Domains, designRows: Int?) -> LikelihoodSums {
    let zeros = [Double](repeating: 0, count: domains.count)
    let starts = [[QuasiBinomialFit.Start]](
      repeating: [QuasiBinomialFit.Start](repeating: .init(), count: levels), count: domains.count)
    var sums = LikelihoodSums(
      failures: [QuasiBinomialFit.Start](repeating: .init(), count: domains.count), levelSuccesses: starts,
      levelFailures: starts, rows: [Int](repeating: 0, count: domains.count), meanWeight: zeros)
    var weightSums = zeros
    for row in 0..<codes.count where domains.rowDomain[row] >= 0 && codes[row] >= 0 {
      let d = Int(domains.rowDomain[row])
      sums.rows[d] += 1
      weightSums[d] += weights[row]
    }
    for d in 0..<domains.count {
      if let designRows { sums.rows[d] = designRows }
      sums.meanWeight[d] = weightSums[d] / Double(max(1, sums.rows[d]))
    }
    for row in 0..<codes.count where domains.rowDomain[row] >= 0 && codes[row] >= 0 {
      let d = Int(domains.rowDomain[row])
      let prior = weights[row] / sums.meanWeight[d]
      guard prior > 0 else { continue }
      let level = Int(codes[row])
      sums.failures[d].add(prior, success: false)
      sums.levelFailures[d][level].add(prior, success: false)
      sums.levelSuccesses[d][level].add(prior, success: true)
    }
    return sums
  }

  /// Sets the profile-likelihood interval of a proportion's row (domain `d`, level `level`).
  ///
  /// R's fit stops at μ (≈ p̂). Its Pearson residuals (`residuals.svyglm`, which divides the
  /// prior weights by the sampling weights they are) are rᵢ = (yᵢ − μ)/√(μ(1 − μ)), and the
  /// dispersion is their weighted variance with `svyvar`'s n/(n − 1) (n the domain's rows):
  /// φ = p̂(1 − p̂)/(μ(1 − μ)) · n/(n − 1).
  func setLikelihoodInterval(_ row: inout EstimateRow, domain d: Int, level: Int, sums: LikelihoodSums, options: EstimateOptions) {
    row.ciLow = nil
    row.ciHigh = nil
    let start = sums.failures[d] + sums.levelSuccesses[d][level] - sums.levelFailures[d][level]
    guard let p = row.estimate, let se = row.se, row.n > 1,
      let fit = QuasiBinomialFit(p: p, rows: sums.rows[d], start: start)
    else { return }
    let mu = 1 / (1 + Foundation.exp(-fit.intercept))
    let spread = mu * (1 - mu)
    let count = Double(row.n)
    let dispersion = p * (1 - p) / spread * count / (count - 1)
    let profile = ProfileLikelihood(
      p: p, center: fit.intercept, se: se / spread, naiveVariance: fit.naiveVariance, df: row.df,
      level: options.level, rows: sums.rows[d], dispersion: dispersion)
    if let (low, high) = profile.interval() {
      row.ciLow = low
      row.ciHigh = high
    }
  }
}
