/// How a design's standard errors are computed.
///
/// Estimators switch on it in one place; each method has its own engine, while the design's
/// structure, weights and weighting record stay as they are.
public enum VarianceMethod: String, Sendable, Equatable {
  /// Taylor linearization as R's `svyrecvar`: influence values, centred by every weighting step
  /// that changes the variance (``VarianceAdjustment``), then added up stage by stage.
  case linearization
  /// Replicate weights (JK1, JKn, BRR, Fay, bootstrap, or supplied) as R's `svyrep.design`: each
  /// estimate is computed again with every replicate's weights, and its variance is the scaled
  /// sum of the replicates' squared deviations (``ReplicateWeights/variance(_:full:)``).
  case replicates
}
