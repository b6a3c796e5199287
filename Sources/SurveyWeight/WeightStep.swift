/// One weighting step as `weights.json` lists it: what it did, how it converged, how close it
/// came to its targets, and the weights after it.
public struct WeightStep: Sendable, Equatable {
  /// `design`, `nonresponse`, `poststratify`, `rake`, `calibrate` or `trim`.
  public var step: String
  /// How: the design rule (`weight`, `fpc-count`, …) or the calibration method.
  public var method: String
  /// The columns the step read.
  public var columns: [String]
  /// The margins file it read.
  public var margins: String?
  /// Sweeps (raking) or Newton steps (calibration).
  public var iterations: Int?
  public var converged: Bool?
  public var epsilon: Double?
  public var maxit: Int?
  /// Bounds on g (calibration) or on the weights (trimming).
  public var lower: Double?
  public var upper: Double?
  /// Each target with the weighted total the step achieved.
  public var targets: [MarginCheck]
  /// Nonresponse: each weighting class.
  public var classes: [ClassAdjustment]
  /// Trimming: how many weights were set to a bound, and in how many rounds.
  public var trimmed: Int?
  public var rounds: Int?
  /// The weights after the step.
  public var after: WeightSummary

  public init(step: String, method: String, columns: [String] = [], after: WeightSummary) {
    self.step = step
    self.method = method
    self.columns = columns
    self.targets = []
    self.classes = []
    self.after = after
  }

  /// The largest relative error of the targets, |achieved − target| / target (nil without
  /// targets; a zero target counts its absolute error).
  public var maxRelativeError: Double? {
    targets.map(\.relativeError).max()
  }
}

/// A population total and the weighted total achieved.
public struct MarginCheck: Sendable, Equatable {
  /// The variable (joint as `sex:age_group`, or a numeric variable), or `(Intercept)`.
  public var variable: String
  /// The level (joint as `1:18-29`), empty for a numeric variable or the population size.
  public var level: String
  public var target: Double
  public var achieved: Double

  public init(variable: String, level: String, target: Double, achieved: Double) {
    self.variable = variable
    self.level = level
    self.target = target
    self.achieved = achieved
  }

  /// |achieved − target| / |target| (the absolute error for a zero target).
  public var relativeError: Double {
    let difference = abs(achieved - target)
    return target == 0 ? difference : difference / abs(target)
  }
}

/// What nonresponse adjustment did in one weighting class.
public struct ClassAdjustment: Sendable, Equatable {
  /// The class: each class variable with its level.
  public var levels: [(variable: String, level: String)]
  public var respondents: Int
  public var nonrespondents: Int
  /// Class total of weights / respondents' total: the factor on respondents' weights.
  public var factor: Double

  public init(levels: [(variable: String, level: String)], respondents: Int, nonrespondents: Int, factor: Double) {
    self.levels = levels
    self.respondents = respondents
    self.nonrespondents = nonrespondents
    self.factor = factor
  }

  /// `region=2, urban=1` (or `all rows` without class variables).
  public var label: String {
    levels.isEmpty ? "all rows" : levels.map { "\($0.variable)=\($0.level)" }.joined(separator: ", ")
  }

  public static func == (a: ClassAdjustment, b: ClassAdjustment) -> Bool {
    a.levels.elementsEqual(b.levels, by: { $0.variable == $1.variable && $0.level == $1.level })
      && a.respondents == b.respondents && a.nonrespondents == b.nonrespondents && a.factor == b.factor
  }
}

/// Sum, extremes and count of the nonzero weights.
public struct WeightSummary: Sendable, Equatable {
  /// Rows with a nonzero weight.
  public var count: Int
  /// Rows with weight 0 (nonrespondents after nonresponse adjustment).
  public var zeros: Int
  public var sum: Double
  public var min: Double?
  public var max: Double?

  public init(_ weights: [Double]) {
    var count = 0
    var sum = 0.0
    var low = Double.infinity
    var high = -Double.infinity
    for w in weights where w != 0 {
      count += 1
      sum += w
      low = Swift.min(low, w)
      high = Swift.max(high, w)
    }
    self.count = count
    zeros = weights.count - count
    self.sum = sum
    min = count > 0 ? low : nil
    max = count > 0 ? high : nil
  }
}
