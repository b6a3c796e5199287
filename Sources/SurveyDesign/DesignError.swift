import Foundation
import SurveyCore

/// Why a sampling design cannot be built over a table. Messages name the column, the stage and,
/// for a row, the batch file, line and record id; they never quote the offending value.
public enum DesignError: Error, Equatable, Sendable {
  /// Where a row came from: batch file, line and respondent id.
  public typealias Location = RowLocation

  /// The table has no column of this name.
  case unknownColumn(column: String)
  /// A strata or PSU column is a multi-select.
  case ungroupable(column: String)
  /// A weight, probability or fpc column does not hold numbers.
  case notNumeric(column: String)
  /// Both a weight and a probability column were given.
  case weightAndProbability(weight: String, probability: String)
  /// A design column has no value (blank, a missing code or not a number) on a row.
  case missingValue(column: String, at: Location)
  /// A weight, probability or fpc is zero or negative (or infinite where a finite value is needed).
  case nonPositive(column: String, at: Location)
  /// A weight is negative (or infinite).
  case negativeWeight(column: String, at: Location)
  /// A selection probability is above 1.
  case probabilityAboveOne(column: String, at: Location)
  /// The fpc columns mix fractions (≤ 1) and population counts (> 1).
  case mixedFPC(column: String, at: Location)
  /// The fpc changes within a stratum of its stage (within a PSU for the second stage).
  case fpcVariesWithinStratum(column: String, stage: Int, stratum: String?, at: Location)
  /// The population size is below the number of sampled units.
  case fpcBelowSampleSize(column: String, stage: Int, stratum: String?, at: Location)
  /// More fpc columns than sampling stages, or some stages without one.
  case fpcStages(fpcColumns: Int, stages: Int)
  /// An unstratified design with a single first-stage unit: its variance cannot be estimated.
  case singlePSU(column: String?)
  /// A weight is not a finite number.
  case invalidWeight(at: Location)
  /// JK1 replicates asked of a stratified design (R: "Can't use JK1 for a stratified design").
  case jk1Stratified(strata: String)
  /// JKn, BRR or Fay replicates asked of an unstratified design.
  case replicatesNeedStrata(method: String)
  /// A stratum with one PSU under `--lonely-psu fail` when making JKn replicates.
  case replicateLonelyPSU(column: String, stratum: String)
  /// No stratum has jackknife replicates: each was sampled whole (fpc = N = n) or has a single
  /// PSU the lonely-PSU rule leaves out (`lonelyLeftOut`: some were).
  case noReplicatedStratum(lonelyLeftOut: Bool)
  /// Bootstrap replicates with one PSU in every stratum (R's scale is infinite).
  case bootstrapSinglePSUs(column: String?)
  /// Supplied replicate weights on a row whose full-sample weight is 0: R's replicates count
  /// such a row, survey-pipe's cannot.
  case replicateWeightWithoutWeight(column: String, at: Location)
  /// A scale given to BRR or Fay replicates, whose scale is fixed.
  case fixedReplicateScale(method: String)
  /// JKn replicate weights supplied without their rscales.
  case replicateRScalesNeeded
  /// rscales of another length than the replicate-weight columns.
  case replicateRScalesCount(given: Int, columns: Int, file: String?)
  /// A scale or rscale that is negative or not a finite number (bootstrap with one column: 1/0).
  case invalidReplicateScale(columns: Int)
  /// A weighting step failed on one replicate's weights.
  case replicateStep(replicate: Int, of: Int, problem: String)
  /// BRR or Fay with a stratum of one PSU.
  case brrSmallStratum(column: String, stratum: String)
  /// BRR or Fay with a stratum of an odd number of PSUs above 2.
  case brrOddStratum(column: String, stratum: String, psus: Int)
  /// No column of the data matches the replicate weights' prefix or pattern.
  case noReplicateColumns(pattern: String)
  /// A replicate-weights pattern that is not a valid regular expression.
  case invalidReplicatePattern(pattern: String)
  /// Supplied replicate weights need the full-sample weight column.
  case replicatesNeedWeight
}

extension DesignError: LocalizedError {
  public var errorDescription: String? {
    switch self {
    case .unknownColumn(let column):
      return "the data has no column '\(column)'"
    case .ungroupable(let column):
      return "'\(column)' is a multi-select column; it cannot define strata or sampling units"
    case .notNumeric(let column):
      return "the design column '\(column)' does not hold numbers"
    case .weightAndProbability(let weight, let probability):
      return "give either a weight column ('\(weight)') or a probability column ('\(probability)'), not both"
    case .missingValue(let column, let place):
      return "\(place): the design column '\(column)' has no value (blank, a missing code or not a number); every row needs one"
    case .nonPositive(let column, let place):
      return "\(place): the value in '\(column)' must be a positive finite number"
    case .negativeWeight(let column, let place):
      return "\(place): the weight in '\(column)' must be a finite number of 0 or more (0: the row takes part in no estimate)"
    case .probabilityAboveOne(let column, let place):
      return "\(place): the selection probability in '\(column)' is above 1"
    case .mixedFPC(let column, let place):
      return "\(place): '\(column)' mixes sampling fractions (≤ 1) and population counts (> 1); use one kind for every fpc column"
    case .fpcVariesWithinStratum(let column, let stage, let stratum, let place):
      return "\(place): '\(column)' differs from its value on the first row of \(Self.stratumName(stratum, stage: stage)); it must be constant there"
    case .fpcBelowSampleSize(let column, let stage, let stratum, let place):
      return "\(place): the population size in '\(column)' for \(Self.stratumName(stratum, stage: stage)) is below the number of units sampled there"
    case .fpcStages(let fpc, let stages):
      return "\(fpc) fpc column\(fpc == 1 ? "" : "s") for \(stages) sampling stage\(stages == 1 ? "" : "s"): give one fpc per stage (one per PSU column, in the same order), or none for with-replacement variance"
    case .singlePSU(let column):
      let what = column.map { "every row has the same PSU ('\($0)')" } ?? "the data has a single row"
      return "the design has only one primary sampling unit (\(what)), so no variance can be estimated (R: 'Design has only one primary sampling unit'); check the PSU column, or give strata"
    case .invalidWeight(let place):
      return "\(place): the weight is not a finite number"
    case .jk1Stratified(let strata):
      return "jk1 replicates are for unstratified designs, and this one is stratified by '\(strata)' (R: \"Can't use JK1 for a stratified design\"); use jkn"
    case .replicatesNeedStrata(let method):
      return "\(method) replicates need strata (R: \"Must use JK1 or bootstrap for an unstratified design\"); give strata, or use jk1 or bootstrap"
    case .replicateLonelyPSU(let column, let stratum):
      return "stratum '\(stratum)' of '\(column)' has only one PSU, so jkn cannot drop it (R: \"Stratum \(stratum) has only one PSU\"); choose another --lonely-psu (remove, adjust, average, certainty)"
    case .noReplicatedStratum(let lonely):
      if lonely {
        return "no stratum has jkn replicates: each has a single PSU that the lonely-PSU rule leaves out, or was sampled whole; use lonely_psu / --lonely-psu adjust, or another replicate method"
      }
      return "every stratum was sampled whole (its fpc equals its number of PSUs), so there is nothing to replicate and no sampling variance (R: \"All strata were exhaustively sampled\")"
    case .bootstrapSinglePSUs(let column):
      let strata = column.map { "stratum of '\($0)'" } ?? "stratum"
      return "every \(strata) has a single PSU, so bootstrap replicates have no variance to measure (R's scale n/(n-1) is infinite)"
    case .replicateWeightWithoutWeight(let column, let place):
      return "\(place): the full-sample weight is 0 but the replicate weight in '\(column)' is not; R's replicates would count this row and survey-pipe's cannot: give the row its full-sample weight, or 0 in every replicate"
    case .fixedReplicateScale(let method):
      return "a scale (--rep-scale, rep_scale) does not apply to \(method) replicate weights: their scale is fixed (1/R, or 1/(R(1-rho)^2) for Fay), as in R"
    case .replicateRScalesNeeded:
      return "jkn replicate weights need their rscales, (n_h-1)/n_h per replicate (--rep-rscales FILE, or rscales in the design), as R needs them"
    case .replicateRScalesCount(let given, let columns, let file):
      let source = file.map { "'\($0)' gives" } ?? "the rscales give"
      return "\(source) \(given) number\(given == 1 ? "" : "s") for \(columns) replicate-weight columns; give one per column, in column order"
    case .invalidReplicateScale(let columns):
      return "the replicate scale or an rscale is negative or not a finite number (with \(columns) replicate-weight column\(columns == 1 ? "" : "s"); a bootstrap needs at least 2)"
    case .replicateStep(let replicate, let count, let problem):
      return "replicate \(replicate) of \(count): \(problem)"
    case .brrSmallStratum(let column, let stratum):
      return "stratum '\(stratum)' of '\(column)' has one PSU; BRR and Fay need two per stratum (R: \"Some strata have fewer than 2 PSUs\")"
    case .brrOddStratum(let column, let stratum, let psus):
      return "stratum '\(stratum)' of '\(column)' has \(psus) PSUs; BRR and Fay need two per stratum, or an even number to split into pairs (R: \"Can't split with odd numbers of PSUs in a stratum\")"
    case .noReplicateColumns(let pattern):
      let what = pattern.hasPrefix("^") ? "matches the pattern '\(pattern)'" : "is named '\(pattern)' followed by a number"
      let hint = pattern.hasPrefix("^") ? "" : " (a regular expression starts with ^)"
      return "no column of the data \(what), so there are no replicate weights\(hint)"
    case .invalidReplicatePattern(let pattern):
      return "the replicate-weights pattern '\(pattern)' is not a valid regular expression"
    case .replicatesNeedWeight:
      return "supplied replicate weights need the full-sample weight column too (--weight, or 'weight' in the design)"
    }
  }

  /// `stratum 'A'`, `the sample`, or at later stages `PSU '61'`.
  static func stratumName(_ stratum: String?, stage: Int) -> String {
    guard let stratum else { return "the sample" }
    return stage == 1 ? "stratum '\(stratum)'" : "stage-\(stage - 1) unit '\(stratum)'"
  }
}
