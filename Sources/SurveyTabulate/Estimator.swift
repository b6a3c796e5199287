import SurveyCore
import SurveyDesign

/// Estimates on a survey design: weighted means, totals and proportions by domains, with
/// Taylor-linearization or replicate standard errors as R's `survey` package computes them.
///
/// Rows with weight 0 (nonrespondents after a nonresponse adjustment) take part in no estimate
/// but keep their place in the design; domains are always estimated on the full design.
public struct Estimator: Sendable {
  /// The data the design is over.
  public internal(set) var table: DataTable
  public let design: Design
  let taylor: TaylorVariance
  /// Per row: its unit at the last stage whose variance is added (the PSU for one stage), or
  /// its replicate unit on a replicate design.
  let unitOfRow: [Int32]
  /// The number of such units.
  let unitCount: Int
  /// Per such unit: its PSU; per PSU: its stratum (for the degrees of freedom).
  let psuOfUnit: [Int32]
  let stratumOfPSU: [Int32]
  /// The weighting steps' centring of influence values, nil without any.
  let residualizer: Residualizer?
  /// Per unit: its index in the residualizer's units (−1 if none).
  let residualPosition: [Int32]
  /// Rows with a positive weight: R's `nrow(design)` (the `beta` interval on a calibrated design,
  /// the N of the Rao–Scott tests).
  let designRows: Int

  /// Prepares estimation on `design` over `table`.
  ///
  /// - Throws: ``SurveyDesign/DesignError/invalidWeight(at:)`` for a weight that is not a finite
  ///   number.
  public init(table: DataTable, design: Design) throws {
    precondition(design.weights.count == table.rowCount, "one weight per row")
    try design.checkWeights(in: table)
    self.table = table
    self.design = design
    taylor = TaylorVariance(structure: design.structure)
    let stages = design.structure.stages
    stratumOfPSU = stages[0].units.stratumOfUnit
    if let replicates = design.replicates {
      // Replicate weights carry the weighting steps themselves; rows add up by replicate unit.
      unitOfRow = replicates.unitOfRow
      unitCount = replicates.unitCount
      psuOfUnit = []
      residualizer = nil
    } else {
      let last = stages[design.structure.varianceStageCount - 1]
      unitOfRow = last.units.unit
      unitCount = last.unitCount
      var psu = (0..<Int32(last.unitCount)).map { $0 }
      for index in stride(from: design.structure.varianceStageCount - 1, to: 0, by: -1) {
        let stratumOfUnit = stages[index].units.stratumOfUnit
        psu = psu.map { stratumOfUnit[Int($0)] }
      }
      psuOfUnit = psu
      residualizer = Residualizer(design: design, unitOfRow: unitOfRow, unitCount: unitCount)
    }
    var position = [Int32](repeating: -1, count: residualizer == nil ? 0 : unitCount)
    if let residualizer {
      for (index, unit) in residualizer.units.enumerated() { position[Int(unit)] = Int32(index) }
    }
    residualPosition = position
    designRows = design.weights.lazy.filter { $0 > 0 }.count
  }

  /// The final weights.
  public var weights: [Double] { design.weights }

  /// The column of analysis variable `name`.
  func column(_ name: String) throws -> Column {
    guard let column = table.column(name) else { throw TabulateError.unknownColumn(column: name) }
    return column
  }
}
