import SurveyCore

/// A sampling design resolved over a ``SurveyCore/DataTable``: per row its weight, stratum and
/// PSU; per stratum its number of sampled PSUs and its finite population correction.
///
/// PSUs are nested in strata: a PSU is identified by its (stratum, PSU id) pair, so the same PSU
/// id in two strata names two PSUs (R's `nest = TRUE`, the same thing as R for valid designs).
/// PSUs are numbered so that those of one stratum are consecutive.
public struct SurveyDesign: Sendable {
  /// The data the design is over.
  public let table: DataTable
  public let spec: DesignSpec
  /// The final weight of every row; rows with weight 0 take part in no estimate.
  public let weights: [Double]
  /// Per row: its stratum.
  let stratum: [Int32]
  /// Per row: its PSU, numbered stratum by stratum.
  let psu: [Int32]
  /// The text of each stratum (one empty label when the design has no strata).
  public let strataLabels: [String]
  /// Per stratum h: its PSUs are `psuStart[h] ..< psuStart[h + 1]`; n_h is the difference.
  let psuStart: [Int]
  /// Per PSU: its stratum.
  let psuStratum: [Int32]
  /// Per stratum: f_h = (N_h − n_h)/N_h with an fpc, 1 without.
  let finiteCorrection: [Double]
  public let lonelyPSU: LonelyPSU

  /// Resolves `spec` over `table` with the final `weights` (from the weighting stage).
  ///
  /// - Parameters:
  ///   - table: the data.
  ///   - spec: strata, PSU and fpc columns and the lonely-PSU rule (its weight columns are not
  ///     read: `weights` carries the weights).
  ///   - weights: one finite, non-negative weight per row.
  /// - Throws: ``TabulateError`` for a missing column, more than one PSU or fpc column (multistage
  ///   is not built yet), a row without a stratum, PSU or fpc, a negative weight, or an fpc that
  ///   mixes fractions and counts, varies within a stratum or is below the stratum's sample size.
  public init(table: DataTable, spec: DesignSpec, weights: [Double]) throws {
    precondition(weights.count == table.rowCount, "one weight per row")
    guard spec.psu.count <= 1, spec.fpc.count <= 1 else {
      throw TabulateError.multistage(psuColumns: spec.psu.count, fpcColumns: spec.fpc.count)
    }
    for row in weights.indices where !(weights[row] >= 0 && weights[row].isFinite) {
      throw TabulateError.invalidWeight(at: .init(row: row, in: table))
    }
    self.table = table
    self.spec = spec
    self.weights = weights
    lonelyPSU = spec.lonelyPSU

    do throws(DesignProblem) {
      let design = try DesignStrata(table: table, strata: spec.strata, psu: spec.psu.first)
      stratum = design.stratum
      strataLabels = design.strata?.levels ?? [""]
      psu = design.psus.psu
      psuStart = design.psus.start
      psuStratum = design.psus.stratumOfPSU
      finiteCorrection = try FiniteCorrection.resolve(column: spec.fpc.first, table: table, design: design)
    } catch {
      throw TabulateError(error)
    }
  }

  /// The number of strata.
  public var strataCount: Int { strataLabels.count }

  /// The number of PSUs in the whole design.
  public var psuCount: Int { psuStratum.count }

  /// The number of sampled PSUs in stratum `h`.
  public func sampledPSUs(inStratum h: Int) -> Int { psuStart[h + 1] - psuStart[h] }

  /// The column of analysis variable `name`.
  func column(_ name: String) throws -> Column {
    guard let column = table.column(name) else { throw TabulateError.unknownColumn(column: name) }
    return column
  }
}
