import Foundation
import SurveyCore

/// The confidence intervals of a proportion, as R's `svyciprop` computes them from the estimate
/// p, its design-based SE and the degrees of freedom (docs/statistics.md, "Proportion intervals").
enum ProportionInterval {
  /// The interval of `method` for the proportion `p` with standard error `se`; nil where R gives
  /// NaN (a proportion of 0 or 1 for the transformed and beta intervals, no degrees of freedom).
  ///
  /// - Parameters:
  ///   - t: the t quantile of the interval, qt(1 − (1 − level)/2, df).
  ///   - df: the design's degrees of freedom for the domain.
  ///   - rows: the rows of the domain's design (R's `nrow(design)`), for `beta`.
  static func interval(
    _ method: IntervalMethod, p: Double, se: Double, t: Double, level: Double, df: Int, rows: Int
  ) -> (low: Double, high: Double)? {
    switch method {
    case .wald, .mean:
      return (p - t * se, p + t * se)
    case .logit, .xlogit:
      // svyglm's quasi-binomial intercept is logit(p) with SE(p) / (p(1 − p)) (its sandwich
      // variance is exactly the delta method's). R's IRLS fit stops at glm.control's epsilon, so
      // it agrees with this to about 1e-11 on most domains and to a few 1e-9 on some (the
      // example's awareness by round); R's xlogit is this interval computed exactly.
      guard p > 0, p < 1 else { return nil }
      let center = Foundation.log(p / (1 - p))
      let spread = t * se / (p * (1 - p))
      return (expit(center - spread), expit(center + spread))
    case .asin:
      guard p > 0, p < 1 else { return nil }
      let center = Foundation.asin(p.squareRoot())
      let spread = t * se / (2 * (p * (1 - p)).squareRoot())
      let low = Foundation.sin(center - spread)
      let high = Foundation.sin(center + spread)
      return (low * low, high * high)
    case .beta:
      return beta(p: p, se: se, level: level, df: df, rows: rows)
    case .likelihood:
      // Needs the Pearson residuals' dispersion: the estimator fills it in (Estimator+Likelihood).
      return nil
    }
  }

  /// Korn and Graubard's interval as `svyciprop(method = "beta")`: the effective sample size
  /// n* = p(1 − p)/SE², scaled by (qt(α/2, rows − 1)/qt(α/2, df))², then Clopper–Pearson:
  /// [qbeta(α/2, n*p, n*(1 − p) + 1), qbeta(1 − α/2, n*p + 1, n*(1 − p))].
  static func beta(p: Double, se: Double, level: Double, df: Int, rows: Int) -> (low: Double, high: Double)? {
    guard p > 0, p < 1, se > 0, df > 0, rows > 1 else { return nil }
    let alpha = 1 - level
    let ratio =
      StudentT.quantile(alpha / 2, degreesOfFreedom: Double(rows - 1))
      / StudentT.quantile(alpha / 2, degreesOfFreedom: Double(df))
    let effective = p * (1 - p) / (se * se) * ratio * ratio
    guard effective.isFinite, effective > 0 else { return nil }
    let low = BetaDistribution.quantile(alpha / 2, a: effective * p, b: effective * (1 - p) + 1)
    let high = BetaDistribution.quantile(1 - alpha / 2, a: effective * p + 1, b: effective * (1 - p))
    guard low.isFinite, high.isFinite else { return nil }
    return (low, high)
  }

  static func expit(_ x: Double) -> Double {
    1 / (1 + Foundation.exp(-x))
  }
}
