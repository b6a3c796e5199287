import Foundation
import SurveyCore

/// Why the weights cannot be computed: each message names the step, the variable and, where it
/// applies, the level, the margins file and line, or the batch file, line and record id of a
/// row. Respondents' values are never quoted; category codes of weighting variables are.
public enum WeightError: Error, Equatable, Sendable {
  /// Where a row came from: batch file, line and respondent id.
  public typealias Location = RowLocation

  /// The table has no column of this name.
  case unknownColumn(column: String, step: String)
  /// A weighting variable is a multi-select.
  case ungroupable(column: String, step: String)
  /// A numeric calibration variable (a margins row with an empty level) is not numeric.
  case notNumeric(column: String, step: String)
  /// A weighting variable has no value on a row that has a weight.
  case missingValue(column: String, step: String, at: Location)
  /// A response indicator that is not 1/0 (yes/no, true/false).
  case invalidResponse(column: String, at: Location)
  /// A weighting class without respondents.
  case noRespondents(weightingClass: String, nonrespondents: Int)
  /// The margins file has no row for a variable.
  case noMargin(variable: String, step: String, file: String)
  /// A margin's level (with a positive total) has no respondent with a weight.
  case marginLevelNotInSample(variable: String, level: String, step: String, file: String, line: Int)
  /// Respondents with weights in a level that has no (or a zero) population total.
  case sampleLevelNotInMargins(variable: String, level: String, step: String, file: String, respondents: Int)
  /// A joint level that does not split into one part per variable.
  case malformedJointLevel(variable: String, level: String, file: String, line: Int)
  /// Two margins that give different population totals.
  case marginsDisagree(variable: String, total: Double, firstVariable: String, firstTotal: Double, file: String)
  /// A numeric calibration variable's margin must be a single row with an empty level.
  case numericMarginLevels(variable: String, file: String, line: Int)
  /// A categorical margin (raking, post-stratification) with a row without a level.
  case emptyLevel(variable: String, step: String, file: String, line: Int)
  /// The weights overflowed (totals far beyond the data).
  case nonFiniteWeights(step: String)
  /// Calibration on numeric variables alone needs the population size.
  case noPopulationSize(file: String)
  /// Raking did not converge.
  case rakingNotConverged(sweeps: Int, change: Double, epsilon: Double, worst: String)
  /// Calibration did not converge (infeasible bounds, most often).
  case calibrationFailed(method: String, iterations: Int, misfit: Double, worst: String, bounds: String)
  /// The calibration variables are collinear (the system has no unique solution).
  case collinear(variables: [String])
  /// Bounds that cannot hold a solution.
  case invalidBounds(method: String, lower: Double, upper: Double)
  /// Trimming bounds that cannot be met.
  case trimInfeasible(reason: String)
  /// No row has a positive weight to adjust.
  case noWeights(step: String)
}

extension WeightError {
  /// The step the error arose in (`nonresponse`, `poststratify`, `rake`, `calibrate`, `trim`),
  /// nil when it concerns the margins file as a whole.
  public var step: String? {
    switch self {
    case .unknownColumn(_, let step), .ungroupable(_, let step), .notNumeric(_, let step), .missingValue(_, let step, _),
      .noMargin(_, let step, _), .marginLevelNotInSample(_, _, let step, _, _), .sampleLevelNotInMargins(_, _, let step, _, _),
      .emptyLevel(_, let step, _, _), .nonFiniteWeights(let step), .noWeights(let step):
      return step
    case .invalidResponse, .noRespondents: return "nonresponse"
    case .rakingNotConverged: return "rake"
    case .calibrationFailed, .collinear, .invalidBounds, .noPopulationSize, .numericMarginLevels: return "calibrate"
    case .trimInfeasible: return "trim"
    case .malformedJointLevel, .marginsDisagree: return nil
    }
  }
}

extension WeightError: LocalizedError {
  public var errorDescription: String? {
    switch self {
    case .unknownColumn(let column, let step):
      return "\(step): the data has no column '\(column)'"
    case .ungroupable(let column, let step):
      return "\(step): '\(column)' is a multi-select column; it cannot define weighting classes or margins"
    case .notNumeric(let column, let step):
      return "\(step): '\(column)' has a single margins row with an empty level, so it is a numeric calibration variable, but its column does not hold numbers"
    case .missingValue(let column, let step, let place):
      return "\(place): \(step): '\(column)' has no value on a row with a weight; weighting variables need a value on every such row"
    case .invalidResponse(let column, let place):
      return "\(place): nonresponse: '\(column)' must say 1 (yes, true) for respondents and 0 (no, false) for nonrespondents"
    case .noRespondents(let weightingClass, let nonrespondents):
      if weightingClass == "all rows" {
        return "nonresponse: no row with a weight responded (\(nonrespondents) nonrespondent\(nonrespondents == 1 ? "" : "s")); check the response column"
      }
      return "nonresponse: the weighting class \(weightingClass) has no respondents (\(nonrespondents) nonrespondent\(nonrespondents == 1 ? "" : "s")), so its weight cannot be carried by anyone; merge it with a neighbouring class"
    case .noMargin(let variable, let step, let file):
      return "\(step): \(file) has no rows for '\(variable)'"
    case .marginLevelNotInSample(let variable, let level, let step, let file, let line):
      return "\(file):\(line): \(step): \(variable) = \(level) has a population total but no respondent with a weight in the sample"
    case .sampleLevelNotInMargins(let variable, let level, let step, let file, let respondents):
      return "\(step): \(respondents) respondent\(respondents == 1 ? "" : "s") with \(variable) = \(level), but \(file) gives that level no population total (or a total of 0)"
    case .malformedJointLevel(let variable, let level, let file, let line):
      return "\(file):\(line): the level '\(level)' of the joint margin \(variable) needs one part per variable, separated by ':'"
    case .marginsDisagree(let variable, let total, let firstVariable, let firstTotal, let file):
      return "\(file): the totals of \(variable) add up to \(Self.number(total)) but those of \(firstVariable) to \(Self.number(firstTotal)) (relative difference \(Self.number(abs(total - firstTotal) / firstTotal))); margins of one population must agree to within \(Self.number(Weighting.marginTolerance))"
    case .numericMarginLevels(let variable, let file, let line):
      return "\(file):\(line): '\(variable)' has a row with an empty level: a numeric calibration variable has that one row only (its population total), a categorical one a row per level"
    case .emptyLevel(let variable, let step, let file, let line):
      return "\(file):\(line): \(step): '\(variable)' has a row with an empty level (a numeric total); \(step == "calibrate" ? "calibration" : step == "rake" ? "raking" : "post-stratification") needs one row per level"
    case .nonFiniteWeights(let step):
      return "\(step): the weights overflowed (a total far beyond what the sample can carry?); check the margins"
    case .noPopulationSize(let file):
      return "calibrate: with numeric variables alone the population size is needed: add a categorical variable, or a row '(Intercept),,N' to \(file)"
    case .rakingNotConverged(let sweeps, let change, let epsilon, let worst):
      return "rake: did not converge in \(sweeps) sweeps: the joint table still changed by \(Self.number(change)) (epsilon \(Self.number(epsilon))); worst margin: \(worst); raise maxit (--rake-maxit) or check that the margins describe one population"
    case .calibrationFailed(let method, let iterations, let misfit, let worst, let bounds):
      let hint =
        bounds.isEmpty
        ? "the totals may be out of the model's reach (a level whose weights would have to reach 0)"
        : "the bounds may be infeasible"
      return "calibrate (\(method)\(bounds)): failed to converge in \(iterations) iterations: a total is still off by \(Self.number(misfit)) relative to (1 + population total); worst: \(worst); \(hint) (R: 'Calibration failed')"
    case .collinear(let variables):
      return "calibrate: the calibration variables \(variables.joined(separator: ", ")) are collinear in the sample (a level of one determines another); drop one"
    case .invalidBounds(let method, let lower, let upper):
      return "calibrate (\(method)): the bounds \(Self.number(lower)), \(Self.number(upper)) must satisfy lower < 1 < upper\(method == "logit" ? " and be finite" : "")"
    case .trimInfeasible(let reason):
      return "trim: \(reason)"
    case .noWeights(let step):
      return "\(step): no row has a weight to adjust"
    }
  }

  /// A number for messages: whole numbers as they are, large ones with one decimal, others with
  /// up to 6 significant digits.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Inf" : "-Inf") }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    if abs(value) >= 1e15 { return String(format: "%.6g", value) }
    if abs(value) >= 1e5 { return String(format: "%.1f", value) }
    return String(format: "%.6g", value)
  }
}
