import Foundation
import SurveyCore

/// Why an estimate cannot be computed at all. Messages name the column, and for a row the batch
/// file, line and record id; they never quote a respondent's value.
public enum TabulateError: Error, Equatable, Sendable {
  /// Where a row came from: batch file, line and respondent id.
  public typealias Location = RowLocation

  /// The table has no column of this name.
  case unknownColumn(column: String)
  /// A mean needs a numeric column.
  case notNumeric(column: String, statistic: Statistic)
  /// An fpc column that does not hold numbers.
  case notNumericDesign(column: String)
  /// A multi-select column used where levels are needed: strata, PSUs, domains or categories.
  case ungroupable(column: String)
  /// More than one PSU or fpc column: multistage designs are not built yet.
  case multistage(psuColumns: Int, fpcColumns: Int)
  /// A design column (strata, PSU, fpc) has no value on a row.
  case missingDesignValue(column: String, at: Location)
  /// A weight is negative, infinite or not a number.
  case invalidWeight(at: Location)
  /// An fpc value is zero or negative.
  case nonPositiveFPC(column: String, at: Location)
  /// The fpc column mixes fractions (≤ 1) and population counts (> 1).
  case mixedFPC(column: String, at: Location)
  /// The fpc changes within a stratum.
  case fpcVariesWithinStratum(column: String, stratum: String?, at: Location)
  /// The population size is below the number of sampled PSUs.
  case fpcBelowSampleSize(column: String, stratum: String?, at: Location)
  /// A stratum with a single PSU contributes to an estimate under `--lonely-psu fail`.
  case lonelyPSU(strataColumn: String?, stratum: String?)
  /// The confidence level is not strictly between 0 and 1.
  case invalidLevel(Double)
  /// The by-variables have too many level combinations to number.
  case tooManyDomains(variables: [String])
}

extension TabulateError: LocalizedError {
  public var errorDescription: String? {
    switch self {
    case .unknownColumn(let column):
      return "the data has no column '\(column)'"
    case .notNumeric(let column, let statistic):
      return "'\(column)' is not a numeric column, so it has no \(statistic.rawValue)"
    case .notNumericDesign(let column):
      return "the design column '\(column)' does not hold numbers"
    case .ungroupable(let column):
      return "'\(column)' is a multi-select column; it cannot define strata, PSUs, domains or categories"
    case .multistage(let psu, let fpc):
      return "multistage designs are not built yet (\(psu) PSU and \(fpc) fpc columns given; use at most one of each)"
    case .missingDesignValue(let column, let place):
      return "\(place): the design column '\(column)' has no value; every row needs one"
    case .invalidWeight(let place):
      return "\(place): the weight is negative or not a finite number"
    case .nonPositiveFPC(let column, let place):
      return "\(place): the fpc in '\(column)' must be positive"
    case .mixedFPC(let column, let place):
      return "\(place): '\(column)' mixes sampling fractions (≤ 1) and population counts (> 1); use one kind for the whole column"
    case .fpcVariesWithinStratum(let column, let stratum, let place):
      return "\(place): '\(column)' differs from its value on the first row of \(Self.stratumName(stratum)); it must be constant within a stratum"
    case .fpcBelowSampleSize(let column, let stratum, let place):
      return "\(place): the population size in '\(column)' for \(Self.stratumName(stratum)) is below the number of sampled PSUs there"
    case .lonelyPSU(let column, let stratum):
      let which = stratum.map { "stratum '\($0)'" + (column.map { " of '\($0)'" } ?? "") } ?? "the design"
      return "\(which) has only one PSU, so its variance cannot be estimated under the lonely-PSU rule fail (R's default); choose remove, adjust, average or certainty (lonely_psu: in a pipeline's design, --lonely-psu on the command line)"
    case .invalidLevel(let level):
      return "the confidence level must be between 0 and 1 (got \(level))"
    case .tooManyDomains(let variables):
      return "the by-variables \(variables.joined(separator: ", ")) have too many level combinations"
    }
  }

  static func stratumName(_ stratum: String?) -> String {
    stratum.map { "stratum '\($0)'" } ?? "the sample"
  }
}
