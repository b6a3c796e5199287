import Foundation
import SurveyCore

/// A calibration distance as R's `calfun`: F(u) − 1 and its derivative, with bounds L, U on the
/// calibration factor g = F(x'λ) (R's `cal.linear`, `cal.raking`, `cal.logit`).
struct CalibrationFunction {
  let method: CalibrationMethod
  let lower: Double
  let upper: Double

  /// F(u) − 1.
  @inline(__always)
  func fMinusOne(_ u: Double) -> Double {
    switch method {
    case .linear:
      return min(max(u + 1, lower), upper) - 1
    case .raking:
      return min(max(exp(u), lower), upper) - 1
    case .logit:
      let a = (upper - lower) / ((upper - 1) * (1 - lower))
      let e = exp(a * u)
      return (lower * (upper - 1) + upper * (1 - lower) * e) / (upper - 1 + (1 - lower) * e) - 1
    }
  }

  /// dF/du.
  @inline(__always)
  func derivative(_ u: Double) -> Double {
    switch method {
    case .linear:
      return u < upper - 1 && u > lower - 1 ? 1 : 0
    case .raking:
      return u < upper - 1 && u > lower - 1 ? exp(u) : 0
    case .logit:
      let a = (upper - lower) / ((upper - 1) * (1 - lower))
      let e = exp(a * u)
      let denominator = upper - 1 + (1 - lower) * e
      return upper * (1 - lower) * e * a / denominator
        - ((lower * (upper - 1) + upper * (1 - lower) * e) * ((1 - lower) * e * a)) / (denominator * denominator)
    }
  }
}
