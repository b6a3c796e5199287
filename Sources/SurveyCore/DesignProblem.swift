/// What is wrong with the design columns (strata, PSU, fpc) of a table, found by
/// ``DesignStrata`` and ``PopulationSizes``. Each stage maps it to its own error type.
public enum DesignProblem: Error, Equatable, Sendable {
  /// The table has no column of this name.
  case unknownColumn(column: String)
  /// A strata or PSU column is a multi-select.
  case ungroupable(column: String)
  /// A design column has no value on a row.
  case missingValue(column: String, at: RowLocation)
  /// The fpc column does not hold numbers.
  case notNumericFPC(column: String)
  /// An fpc value is zero or negative (or infinite, where infinities are refused).
  case nonPositiveFPC(column: String, at: RowLocation)
  /// The fpc column mixes fractions (≤ 1) and population counts (> 1).
  case mixedFPC(column: String, at: RowLocation)
  /// The fpc changes within a stratum (nil: the design has no strata).
  case fpcVariesWithinStratum(column: String, stratum: String?, at: RowLocation)
  /// The population size is below the number of sampled PSUs of the stratum.
  case fpcBelowSampleSize(column: String, stratum: String?, at: RowLocation)
}
