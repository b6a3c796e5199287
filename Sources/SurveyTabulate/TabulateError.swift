import Foundation
import SurveyCore

/// Why an estimate cannot be computed at all. Messages name the column; they never quote a
/// respondent's value. Problems with the design's columns are ``SurveyDesign/DesignError``s.
public enum TabulateError: Error, Equatable, Sendable {
  /// The table has no column of this name.
  case unknownColumn(column: String)
  /// A mean needs a numeric column.
  case notNumeric(column: String, statistic: Statistic)
  /// A multi-select column used where levels are needed: domains or categories.
  case ungroupable(column: String)
  /// A stratum with a single sampled unit contributes to an estimate under `--lonely-psu fail`.
  /// At the first stage the stratum is a level of the strata column; at a later stage it is a
  /// unit of the stage before, and `column` the column of the units sampled within it.
  case lonelyPSU(stage: Int, column: String?, stratum: String?)
  /// The confidence level is not strictly between 0 and 1.
  case invalidLevel(Double)
  /// A difference between levels of a variable that is not one of the by-variables.
  case differenceNotBy(variable: String)
  /// A ratio's variable that is not `NUMERATOR/DENOMINATOR`.
  case invalidRatio(String)
  /// A difference between domains of a quantile: on a linearized design neither we nor R's
  /// `svyby(…, svyquantile, covmat = TRUE)` have the covariance of two domains' quantiles.
  case quantileDifference(column: String)
  /// A profile-likelihood interval of a quantile: not one of R's `svyquantile` interval types.
  case quantileLikelihood(column: String)
  /// The by-variables have too many level combinations to number.
  case tooManyDomains(variables: [String])
  /// Something not built for replicate designs (tests of association, the likelihood interval).
  case notForReplicates(what: String)
  /// Something not built for a subset: tests of association.
  case notForSubsets(what: String)
  /// A subset expression that cannot be evaluated (a name that is not a column).
  case invalidSubset(expression: String, problem: String)
  /// A sum, the estimate, its variance, interval or design effect went beyond the largest double
  /// (or became undefined on the way): values or weights too large for the arithmetic.
  case overflow(column: String, statistic: Statistic, quantity: OverflowQuantity)
  /// A rate table without its ``SurveyCore/RateSpec``.
  case rateWithoutDenominator(table: String)
  /// A rate against a population file that was not given to the estimator.
  case populationNotRead(table: String, file: String)
  /// The rows a rate counts and the population it divides by disagree on a key column of the
  /// population file that is not a by-variable.
  case populationMismatch(column: String, problem: String)
  /// A test of association on a census: there is no sampling error to test against.
  case notForCensus(what: String)
}

/// Which part of an estimate overflowed, for ``TabulateError/overflow(column:statistic:quantity:)``.
public enum OverflowQuantity: String, Sendable, Equatable {
  case weightSum = "sum of the weights"
  case weightedSum = "sum of weight × value"
  case estimate = "estimate"
  case variance = "variance"
  case interval = "confidence interval"
  case designEffect = "design effect"
}

extension TabulateError: LocalizedError {
  public var errorDescription: String? {
    switch self {
    case .unknownColumn(let column):
      return "the data has no column '\(column)'"
    case .notNumeric(let column, let statistic):
      return "'\(column)' is not a numeric column, so it has no \(statistic.rawValue)"
    case .ungroupable(let column):
      return "'\(column)' is a multi-select column; it cannot define domains or categories"
    case .lonelyPSU(let stage, let column, let stratum):
      let which: String
      if stage == 1 {
        which = stratum.map { "stratum '\($0)'" + (column.map { " of '\($0)'" } ?? "") } ?? "the design"
        return "\(which) has only one PSU, so its variance cannot be estimated under the lonely-PSU rule fail (R's default); choose remove, adjust, average or certainty (lonely_psu: in a pipeline's design, --lonely-psu on the command line)"
      }
      which = "stage \(stage): the stage-\(stage - 1) unit '\(stratum ?? "?")' has only one sampled unit"
        + (column.map { " of '\($0)'" } ?? "")
      return "\(which), so its variance cannot be estimated under the lonely-PSU rule fail (R's default); choose remove, adjust, average or certainty, or give its population as 1 in the stage's fpc if the unit was taken with certainty"
    case .differenceNotBy(let variable):
      return "a difference compares levels of a by-variable, and '\(variable)' is not one: add it to the by-variables"
    case .invalidRatio(let variable):
      return "'\(variable)' is not a ratio: write NUMERATOR/DENOMINATOR, such as api00/api99"
    case .invalidLevel(let level):
      return "the confidence level must be between 0 and 1 (got \(level))"
    case .overflow(let column, let statistic, let quantity):
      let advice =
        quantity == .weightSum
        ? "check the weights" : "rescale '\(column)' (to thousands or millions) or check its values and the weights"
      return "the \(statistic.rawValue) of '\(column)' cannot be computed: its \(quantity.rawValue) goes beyond ±1.8e308, the largest number a double holds; \(advice)"
    case .quantileDifference(let column):
      return "the quantiles of '\(column)' have no difference between domains: their covariance is not known (on a linearized design R's svyby cannot give it either, and survey-pipe does not compute it from replicates); compare the domains' intervals, or use a mean or a proportion"
    case .quantileLikelihood(let column):
      return "the quantiles of '\(column)' take a wald (mean), xlogit, asin or beta interval (R's interval.type), not likelihood"
    case .notForReplicates(let what):
      return "\(what) is not available on a replicate-weight design; use another interval, or the linearized design (no replicates or repweights), for it"
    case .notForSubsets(let what):
      return "\(what) cannot be combined with a subset yet: a test of association runs on every row; run it on the full design, or on a file of the subgroup (which is not a domain estimate)"
    case .invalidSubset(let expression, let problem):
      return "the subset '\(expression)' cannot be evaluated: \(problem)"
    case .rateWithoutDenominator(let table):
      return "the rate of table '\(table)' has no denominator: give population: FILE or denominator: VARIABLE"
    case .populationNotRead(let table, let file):
      return "the rate of table '\(table)' needs its population file \(file), which was not read"
    case .populationMismatch(_, let problem):
      return problem
    case .notForCensus(let what):
      return "\(what) does not apply to a census (design: {census: true}): every unit is counted, so there is no sampling error to test against; read the differences in the counts themselves"
    case .tooManyDomains(let variables):
      return "the by-variables \(variables.joined(separator: ", ")) have too many level combinations"
    }
  }
}
