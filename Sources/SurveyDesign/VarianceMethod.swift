/// How a design's standard errors are computed.
///
/// Estimators switch on it in one place: a new method (replicate weights: JK1, JKn, BRR, Fay,
/// bootstrap) is a new case with its own engine, while the design's structure, weights and
/// weighting record stay as they are.
public enum VarianceMethod: String, Sendable, Equatable {
  /// Taylor linearization as R's `svyrecvar`: influence values, centred by every weighting step
  /// that changes the variance (``VarianceAdjustment``), then added up stage by stage.
  case linearization
}
