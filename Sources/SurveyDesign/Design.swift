import SurveyCore

/// A survey design ready for estimation: the sampling structure, the final weight of every row,
/// the weighting steps that change the variance, and the variance method.
///
/// The weighting stage makes it; the tabulation stage estimates with it. Rows with weight 0
/// (nonrespondents after a nonresponse adjustment) keep their place in the structure, so the
/// numbers of sampled units per stratum stay those of the whole sample, but take part in no
/// estimate.
public struct Design: Sendable {
  /// Strata, units and population sizes of every stage.
  public let structure: SampleStructure
  /// The final weight of every row.
  public var weights: [Double]
  /// The weighting steps that change the variance, in the order they were applied.
  public var adjustments: [VarianceAdjustment]
  /// How standard errors are computed.
  public var variance: VarianceMethod
  /// The replicate weights when ``variance`` is ``VarianceMethod/replicates``.
  public var replicates: ReplicateWeights?

  public init(
    structure: SampleStructure, weights: [Double], adjustments: [VarianceAdjustment] = [],
    variance: VarianceMethod = .linearization
  ) {
    precondition(weights.count == structure.rowCount, "one weight per row")
    self.structure = structure
    self.weights = weights
    self.adjustments = adjustments
    self.variance = variance
  }

  /// The design's columns.
  public var spec: DesignSpec { structure.spec }

  /// What to do with a stratum that has a single sampled unit.
  public var lonelyPSU: LonelyPSU { structure.spec.lonelyPSU }

  /// Checks that every weight is a finite number (linear calibration may make some negative,
  /// as in R).
  ///
  /// - Throws: ``DesignError/invalidWeight(at:)`` naming the first bad row.
  public func checkWeights(in table: DataTable) throws(DesignError) {
    if let row = weights.firstIndex(where: { !$0.isFinite }) {
      throw .invalidWeight(at: RowLocation(row: row, in: table))
    }
  }
}
