import Foundation
import SurveyCore

/// Why design weights cannot be computed. Messages name the column, and for a row the batch
/// file, line and record id; they never quote the offending value.
public enum WeightError: Error, Equatable, Sendable {
  /// Where a row came from: batch file, line and respondent id.
  public typealias Location = RowLocation

  /// The table has no column of this name.
  case unknownColumn(column: String)
  /// A weight, probability or fpc column does not hold numbers.
  case notNumeric(column: String)
  /// A strata or PSU column is a multi-select.
  case ungroupable(column: String)
  /// Both a weight and a probability column were given.
  case weightAndProbability(weight: String, probability: String)
  /// More than one PSU or fpc column: multistage designs are not built yet.
  case multistage(psuColumns: Int, fpcColumns: Int)
  /// A design column has no value (blank, a missing code or not a number) on a row.
  case missingValue(column: String, at: Location)
  /// A weight, probability or fpc is zero or negative (or infinite).
  case nonPositive(column: String, at: Location)
  /// A selection probability is above 1.
  case probabilityAboveOne(column: String, at: Location)
  /// The fpc column mixes fractions (≤ 1) and population counts (> 1).
  case mixedFPC(column: String, at: Location)
  /// The population size is below the number of sampled PSUs.
  case fpcBelowSampleSize(column: String, stratum: String?, at: Location)
  /// The fpc changes within a stratum.
  case fpcVariesWithinStratum(column: String, stratum: String?, at: Location)
}

extension WeightError: LocalizedError {
  public var errorDescription: String? {
    switch self {
    case .unknownColumn(let column):
      return "the data has no column '\(column)'"
    case .notNumeric(let column):
      return "the design column '\(column)' does not hold numbers"
    case .ungroupable(let column):
      return "'\(column)' is a multi-select column; it cannot define strata or PSUs"
    case .weightAndProbability(let weight, let probability):
      return "give either a weight column ('\(weight)') or a probability column ('\(probability)'), not both"
    case .multistage(let psu, let fpc):
      return "multistage designs are not built yet (\(psu) PSU and \(fpc) fpc columns given; use at most one of each)"
    case .missingValue(let column, let place):
      return "\(place): the design column '\(column)' has no value (blank, a missing code or not a number); every row needs one"
    case .nonPositive(let column, let place):
      return "\(place): the value in '\(column)' must be a positive finite number"
    case .probabilityAboveOne(let column, let place):
      return "\(place): the selection probability in '\(column)' is above 1"
    case .mixedFPC(let column, let place):
      return "\(place): '\(column)' mixes sampling fractions (≤ 1) and population counts (> 1); use one kind for the whole column"
    case .fpcBelowSampleSize(let column, let stratum, let place):
      return "\(place): the population size in '\(column)' for \(Self.stratumName(stratum)) is below the number of sampled PSUs there"
    case .fpcVariesWithinStratum(let column, let stratum, let place):
      return "\(place): '\(column)' differs from its value on the first row of \(Self.stratumName(stratum)); it must be constant within a stratum"
    }
  }

  static func stratumName(_ stratum: String?) -> String {
    stratum.map { "stratum '\($0)'" } ?? "the sample"
  }
}
