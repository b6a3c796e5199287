import Foundation
import SurveyCore

/// The profile-likelihood interval of a proportion, as R's `svyciprop(method = "likelihood")`
/// computes it (docs/statistics.md, "Proportion intervals"): the intercept-only quasi-binomial
/// `svyglm` profiled as MASS's `profile.glm` does, on R's grid of points, through R's cubic
/// spline, with Rao–Scott's scaling of the cut-off.
struct ProfileLikelihood {
  /// The proportion p̂.
  var p: Double
  /// The intercept where R's fit stops (≈ logit p̂), its design-based SE, and R's model-based
  /// variance of it (``QuasiBinomialFit``).
  var center: Double
  var se: Double
  var naiveVariance: Double
  /// The design's degrees of freedom (R's `ddf`).
  var df: Int
  var level: Double
  /// The rows of the domain's design, N (R's `NROW(Y)`: weight-0 rows of a calibrated design too).
  var rows: Int
  /// The quasi-binomial dispersion: R's `svyvar` of the Pearson residuals.
  var dispersion: Double

  /// The interval, nil where R's is NaN or fails (p of 0 or 1, no degrees of freedom, a profile
  /// that does not reach the cut-off in nine steps).
  func interval() -> (low: Double, high: Double)? {
    guard p > 0, p < 1, se > 0, df > 0, rows > 1, dispersion > 0, dispersion.isFinite else { return nil }
    let logitSE = se
    // λ: the design-based variance of the intercept over the model's.
    let lambda = se * se / naiveVariance
    let cutoff = -StudentT.quantile((1 - level) / 2, degreesOfFreedom: Double(df)) * lambda.squareRoot()
    // α = Φ(−cutoff)/2; the profile runs until |z| passes qt(1 − α/2, N − 1) (√ of R's qf).
    let alpha = NormalDistribution.cdf(-cutoff) / 2
    let zmax = StudentT.quantile(1 - alpha / 2, degreesOfFreedom: Double(rows - 1))
    let step = zmax / 5 * logitSE
    var points: [(beta: Double, z: Double)] = [(center, 0)]
    for sign in [-1.0, 1.0] {
      var z = 0.0
      var k = 1
      while k < 10, abs(z) < zmax {
        let beta = center + sign * Double(k) * step
        z = sign * signedRootDeviance(beta).squareRoot()
        points.append((beta, z))
        k += 1
      }
    }
    points.sort { $0.z < $1.z }
    let spline = CubicSpline(x: points.map(\.beta), y: points.map(\.z))
    let grid = spline.grid(count: 3 * points.count)
    guard let low = Self.inverse(-cutoff, grid), let high = Self.inverse(cutoff, grid) else { return nil }
    return (ProportionInterval.expit(low), ProportionInterval.expit(high))
  }

  /// (D(β) − D(β̂)) / φ for the intercept β: 2N·KL(p̂ ‖ expit β) / φ (0 near the optimum).
  func signedRootDeviance(_ beta: Double) -> Double {
    let mu = ProportionInterval.expit(beta)
    var kl = 0.0
    kl += p * Foundation.log(p / mu)
    kl += (1 - p) * Foundation.log((1 - p) / (1 - mu))
    return max(0, 2 * Double(rows) * kl / dispersion)
  }

  /// R's `approx(grid$z, grid$beta, xout = z)`: the grid's points sorted by z (ties merged, as
  /// R's `regularize.values` does), linear between the two around z; nil outside them.
  static func inverse(_ z: Double, _ grid: (x: [Double], y: [Double])) -> Double? {
    let (zs, betas) = QuantileRule.regularized(grid.y, grid.x)
    guard let first = zs.first, let last = zs.last, z >= first, z <= last else { return nil }
    return QuantileRule.interpolate(z, positions: zs, values: betas)
  }

}
