import SurveyCore

extension WeightError {
  /// The weighting error for a problem with the strata, PSU or fpc column.
  init(_ problem: DesignProblem) {
    switch problem {
    case .unknownColumn(let column): self = .unknownColumn(column: column)
    case .ungroupable(let column): self = .ungroupable(column: column)
    case .missingValue(let column, let place): self = .missingValue(column: column, at: place)
    case .notNumericFPC(let column): self = .notNumeric(column: column)
    case .nonPositiveFPC(let column, let place): self = .nonPositive(column: column, at: place)
    case .mixedFPC(let column, let place): self = .mixedFPC(column: column, at: place)
    case .fpcVariesWithinStratum(let column, let stratum, let place):
      self = .fpcVariesWithinStratum(column: column, stratum: stratum, at: place)
    case .fpcBelowSampleSize(let column, let stratum, let place):
      self = .fpcBelowSampleSize(column: column, stratum: stratum, at: place)
    }
  }
}
