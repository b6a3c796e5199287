/// A weighting step that changes the variance of estimates, with what the variance needs to
/// take it into account (R keeps the same in a design's `postStrata`).
public enum VarianceAdjustment: Sendable {
  /// Post-stratification (`postStratify`).
  case postStratification(PostStratumAdjustment)
  /// Raking by iterative proportional fitting (`rake`).
  case raking(RakingAdjustment)
  /// Calibration to population totals: linear (GREG), raking or logit (`calibrate`).
  case calibration(CalibrationAdjustment)
}

/// What a post-stratification did: the post-stratum of every row, the weights before it and the
/// factor applied in each post-stratum (population over weighted sample count).
public struct PostStratumAdjustment: Sendable {
  /// The post-stratification variable (joint cells as `sex:age_group`).
  public let variable: String
  /// Per row: its post-stratum, −1 for rows outside the weighted sample (weight 0).
  public let cell: [Int32]
  /// The number of post-strata.
  public let cellCount: Int
  /// Per row: the weight before post-stratification.
  public let weightsBefore: [Double]
  /// Per post-stratum: population total / weighted sample total.
  public let reweight: [Double]

  public init(variable: String, cell: [Int32], cellCount: Int, weightsBefore: [Double], reweight: [Double]) {
    self.variable = variable
    self.cell = cell
    self.cellCount = cellCount
    self.weightsBefore = weightsBefore
    self.reweight = reweight
  }
}

/// What raking did. Rows are grouped into cells, the joint levels of every raking variable;
/// raking multiplies a cell's weights by a factor per margin and sweep.
public struct RakingAdjustment: Sendable {
  /// One margin of the raking.
  public struct Margin: Sendable {
    /// The margin's variable (joint cells as `sex:age_group`).
    public let variable: String
    /// Per cell: its level of the margin.
    public let levelOfCell: [Int32]
    /// The margin's number of levels.
    public let levelCount: Int
    /// Per cell: the cell's weights after this margin in the last sweep, divided by its weights
    /// before raking.
    public let cellFactor: [Double]

    public init(variable: String, levelOfCell: [Int32], levelCount: Int, cellFactor: [Double]) {
      self.variable = variable
      self.levelOfCell = levelOfCell
      self.levelCount = levelCount
      self.cellFactor = cellFactor
    }
  }

  /// How many backfitting sweeps over the margins the variance makes: R's `svyrecvar` runs a
  /// fixed 10, whatever the raking itself needed.
  public static let varianceSweeps = 10

  /// Per row: its cell, −1 for rows outside the weighted sample (weight 0).
  public let cell: [Int32]
  /// Per row: the weight before raking.
  public let weightsBefore: [Double]
  /// The margins, in the order they were raked.
  public let margins: [Margin]

  public init(cell: [Int32], weightsBefore: [Double], margins: [Margin]) {
    self.cell = cell
    self.weightsBefore = weightsBefore
    self.margins = margins
  }
}

/// What calibration did: the model, the weights before it and the g-weights (final weight over
/// weight before) of every row.
public struct CalibrationAdjustment: Sendable {
  public let model: CalibrationModel
  /// Per row: the weight before calibration (0 outside the weighted sample).
  public let weightsBefore: [Double]
  /// Per row: the calibration factor g.
  public let g: [Double]

  public init(model: CalibrationModel, weightsBefore: [Double], g: [Double]) {
    self.model = model
    self.weightsBefore = weightsBefore
    self.g = g
  }
}
