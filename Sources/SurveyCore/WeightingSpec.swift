import Foundation

/// The weighting steps after the design weights, as a pipeline's `weighting:` section or the
/// CALIBRATION flags give them; applied in this order: nonresponse, post-stratification,
/// raking, calibration, trimming.
public struct WeightingSpec: Sendable, Equatable {
  public var nonresponse: NonresponseSpec?
  public var postStratify: PostStratifySpec?
  public var rake: RakeSpec?
  public var calibrate: CalibrateSpec?
  public var trim: TrimSpec?
  /// The line of the pipeline's `weighting:` key, for messages.
  public var line: Int?

  public init(
    nonresponse: NonresponseSpec? = nil, postStratify: PostStratifySpec? = nil, rake: RakeSpec? = nil,
    calibrate: CalibrateSpec? = nil, trim: TrimSpec? = nil
  ) {
    self.nonresponse = nonresponse
    self.postStratify = postStratify
    self.rake = rake
    self.calibrate = calibrate
    self.trim = trim
  }

  /// No step at all.
  public var isEmpty: Bool {
    nonresponse == nil && postStratify == nil && rake == nil && calibrate == nil && trim == nil
  }

  /// Every margins file the steps read, each once, in step order.
  public var marginsFiles: [String] {
    var files: [String] = []
    for file in [postStratify?.margins, rake?.margins, calibrate?.margins].compactMap({ $0 })
    where !files.contains(file) {
      files.append(file)
    }
    return files
  }

  /// Every column the steps read (joint variables split into their parts), each once.
  public var columns: [String] {
    var names: [String] = []
    if let nonresponse { names += [nonresponse.response] + nonresponse.classes }
    if let postStratify { names += MarginName.parts(postStratify.variable) }
    if let rake { names += rake.variables.flatMap(MarginName.parts) }
    if let calibrate { names += calibrate.variables.flatMap(MarginName.parts) }
    var unique: [String] = []
    for name in names where !unique.contains(name) { unique.append(name) }
    return unique
  }
}

/// Nonresponse adjustment by weighting classes: respondents' weights × class total /
/// respondents' total; nonrespondents keep their row with weight 0.
public struct NonresponseSpec: Sendable, Equatable {
  /// The column that says who responded (1, yes or true; 0, no or false).
  public var response: String
  /// The columns whose level combinations are the weighting classes (none: one class).
  public var classes: [String]
  /// A class with fewer respondents than this is reported (a warning finding).
  public var minRespondents: Int

  public init(response: String, classes: [String], minRespondents: Int = 20) {
    self.response = response
    self.classes = classes
    self.minRespondents = minRespondents
  }
}

/// Post-stratification to population counts of one variable or of joint cells (`sex:age_group`).
public struct PostStratifySpec: Sendable, Equatable {
  public var variable: String
  /// The margins file (`variable,level,total`).
  public var margins: String

  public init(variable: String, margins: String) {
    self.variable = variable
    self.margins = margins
  }
}

/// Raking (iterative proportional fitting) to the margins of several variables, as R's `rake`.
public struct RakeSpec: Sendable, Equatable {
  /// The margins, in the order they are raked; a joint margin is written `sex:age_group`.
  public var variables: [String]
  public var margins: String
  /// Convergence: the largest change of a weighted count of the joint table between two sweeps
  /// must fall below epsilon; below 1, epsilon is a fraction of the sum of the weights (R's rule).
  public var epsilon: Double
  /// The most sweeps.
  public var maxit: Int

  public init(variables: [String], margins: String, epsilon: Double = 1, maxit: Int = 10) {
    self.variables = variables
    self.margins = margins
    self.epsilon = epsilon
    self.maxit = maxit
  }
}

/// A calibration distance, as R's `calfun`.
public enum CalibrationMethod: String, Sendable, CaseIterable {
  /// Linear (GREG): g = 1 + x'λ, truncated to the bounds when bounds are given.
  case linear
  /// Raking: g = exp(x'λ).
  case raking
  /// Logit: g between the bounds, which must be finite.
  case logit
}

/// Calibration to population totals of categorical and numeric variables, as R's `calibrate`.
public struct CalibrateSpec: Sendable, Equatable {
  public var method: CalibrationMethod
  /// Categorical variables (joint cells as `a:b`) and numeric ones (a margins row with an empty
  /// level and the population total).
  public var variables: [String]
  public var margins: String
  /// Bounds on g, the ratio of calibrated to input weights (−∞ and ∞: none).
  public var lower: Double
  public var upper: Double
  /// Convergence: every total within epsilon × (1 + |population total|) (R's rule).
  public var epsilon: Double
  /// The most Newton steps.
  public var maxit: Int

  public init(
    method: CalibrationMethod, variables: [String], margins: String, lower: Double = -.infinity,
    upper: Double = .infinity, epsilon: Double = 1e-7, maxit: Int = 50
  ) {
    self.method = method
    self.variables = variables
    self.margins = margins
    self.lower = lower
    self.upper = upper
    self.epsilon = epsilon
    self.maxit = maxit
  }
}

/// What trimming bounds are relative to.
public enum TrimReference: String, Sendable, CaseIterable {
  /// The bounds are weights.
  case absolute
  /// The bounds multiply the median (or mean) of the weights before trimming.
  case median, mean
}

/// Trimming of the final weights, as R's `trimWeights`: weights outside the bounds are set to
/// them and the amount trimmed is shared out equally among the other weights.
public struct TrimSpec: Sendable, Equatable {
  public var lower: Double?
  public var upper: Double?
  public var relativeTo: TrimReference
  /// Repeat until no weight is outside the bounds.
  public var strict: Bool

  public init(lower: Double? = nil, upper: Double? = nil, relativeTo: TrimReference = .absolute, strict: Bool = false) {
    self.lower = lower
    self.upper = upper
    self.relativeTo = relativeTo
    self.strict = strict
  }
}

/// Names of margins: a joint margin is its variables joined by `:`.
public enum MarginName {
  /// The variables of `name`: `sex:age_group` → `[sex, age_group]`.
  public static func parts(_ name: String) -> [String] {
    name.split(separator: ":", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
  }
}
