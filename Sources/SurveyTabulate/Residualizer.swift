import SurveyCore
import SurveyDesign

/// Centres influence values by the weighting steps that change the variance, exactly as R's
/// `svyrecvar` does before adding up the units' totals, without a pass over the rows per
/// estimate.
///
/// Every step replaces the influence values x by x − v ⊙ (H θ), with θ = C Σ u h x: for a
/// post-stratification h is the post-stratum's indicator, u = 1/reweight, v the weight after it
/// and C the inverse of the post-stratum's weight before it (R: `x − psw · rowsum(x·oldw/psw) /
/// Σ oldw`); raking repeats, 10 times, one such step per margin with u = 1/psw, v = psw and C
/// the inverse row count of the level (R: `x − psw · ave(x/psw)`); calibration has h the model
/// matrix row, u = 1/g, v = g w and C = (Σ w h h')⁻¹ (R: `qr.resid`). Because each step is
/// linear, Σ u h x after the earlier steps is Σ u h x minus fixed cross-products K of the
/// earlier θs, and a unit's centred total is its total minus B'θ, B the unit's Σ v h: only the
/// per-cell sums Σ u h x of an estimate come from its rows.
struct Residualizer: Sendable {
  /// Rows grouped into cells, and a scale per row: the levels of a step are functions of the cell.
  struct CellSource: Sendable {
    let cell: [Int32]
    let rowScale: [Double]?
    let count: Int
  }

  /// One kind of step.
  enum Kind: Sendable {
    /// Indicator features: level per cell of `source`, u = rowScale × cellScale; v likewise.
    case levels(source: Int, levelOfCell: [Int32], uOfCell: [Double], vOfCell: [Double], count: Int)
    /// Model-matrix features: u and v per row (0 outside the sample).
    case dense(model: CalibrationModel, u: [Double], v: [Double])
    /// Model-matrix features that are functions of the cells of `source` (a model of categorical
    /// variables alone): per cell its features (row-major, `count` each), u and v's factor.
    case cellDense(source: Int, features: [Double], uOfCell: [Double], vOfCell: [Double], count: Int)

    var dimension: Int {
      switch self {
      case .levels(_, _, _, _, let count), .cellDense(_, _, _, _, let count): return count
      case .dense(let model, _, _): return model.count
      }
    }
  }

  /// C of a kind: a diagonal, or a factorized matrix.
  enum Normalizer: Sendable {
    case diagonal([Double])
    case matrix(SymmetricSystem.Factorization)

    func apply(_ b: [Double]) -> [Double] {
      switch self {
      case .diagonal(let d): return zip(d, b).map { $0 * $1 }
      case .matrix(let f): return f.solve(b)
      }
    }
  }

  let sources: [CellSource]
  /// Per source: v's row factor (the weights before the step).
  let sourceWeights: [[Double]]
  let kinds: [Kind]
  let normalizers: [Normalizer]
  /// The kind of each step, in R's order.
  let steps: [Int]
  /// K[k][j], row-major (dimension of k × dimension of j).
  let cross: [[[Double]]]
  /// The units the calibrated design holds, sorted; the corrections are per unit of this list.
  let units: [Int32]
  /// Per source: for each unit its cells with the sum of the source's row weights there
  /// (B of a levels kind is Σ over the unit's cells of that sum × v of the cell).
  let unitCells: [UnitCells]
  /// Per kind: B per unit for a dense kind (units × dimension), empty for a levels kind.
  let unitSums: [[Double]]

  /// Sparse sums per (unit, cell), grouped by unit.
  struct UnitCells: Sendable {
    /// Per unit (index into ``Residualizer/units``): its entries are `start[u] ..< start[u + 1]`.
    let start: [Int]
    let cell: [Int32]
    let weight: [Double]
  }
}

extension Residualizer {
  /// The residualizer of `design`'s adjustments; nil without any.
  ///
  /// - Parameters:
  ///   - unitOfRow: per row, its unit at the last variance stage.
  ///   - unitCount: the number of such units.
  /// - Throws: ``TabulateError`` never; a calibration whose system is singular cannot have been
  ///   made by the weighting stage.
  init?(design: Design, unitOfRow: [Int32], unitCount: Int) {
    guard !design.adjustments.isEmpty else { return nil }
    var sources: [CellSource] = []
    var sourceWeights: [[Double]] = []
    var kinds: [Kind] = []
    var normalizers: [Normalizer] = []
    var steps: [Int] = []
    var inSample: [Bool]?
    for adjustment in design.adjustments {
      switch adjustment {
      case .postStratification(let record):
        inSample = inSample ?? record.cell.map { $0 >= 0 }
        sources.append(CellSource(cell: record.cell, rowScale: nil, count: record.cellCount))
        sourceWeights.append(record.weightsBefore)
        var before = [Double](repeating: 0, count: record.cellCount)
        for row in record.cell.indices where record.cell[row] >= 0 { before[Int(record.cell[row])] += record.weightsBefore[row] }
        kinds.append(
          .levels(
            source: sources.count - 1, levelOfCell: (0..<Int32(record.cellCount)).map { $0 },
            uOfCell: record.reweight.map { 1 / $0 }, vOfCell: record.reweight, count: record.cellCount))
        normalizers.append(.diagonal(before.map { 1 / $0 }))
        steps.append(kinds.count - 1)
      case .raking(let record):
        inSample = inSample ?? record.cell.map { $0 >= 0 }
        let cellCount = record.margins.first?.cellFactor.count ?? 0
        sources.append(
          CellSource(
            cell: record.cell, rowScale: zip(record.cell, record.weightsBefore).map { $0 >= 0 ? 1 / $1 : 0 },
            count: cellCount))
        sourceWeights.append(record.weightsBefore)
        var rows = [Int](repeating: 0, count: cellCount)
        for c in record.cell where c >= 0 { rows[Int(c)] += 1 }
        let first = kinds.count
        for margin in record.margins {
          var count = [Double](repeating: 0, count: margin.levelCount)
          for c in 0..<cellCount { count[Int(margin.levelOfCell[c])] += Double(rows[c]) }
          kinds.append(
            .levels(
              source: sources.count - 1, levelOfCell: margin.levelOfCell, uOfCell: margin.cellFactor.map { 1 / $0 },
              vOfCell: margin.cellFactor, count: margin.levelCount))
          normalizers.append(.diagonal(count.map { 1 / $0 }))
        }
        for _ in 0..<RakingAdjustment.varianceSweeps { steps += Array(first..<kinds.count) }
      case .calibration(let record):
        inSample = inSample ?? record.weightsBefore.map { $0 != 0 }
        let model = record.model
        let cells = model.cells(included: { record.weightsBefore[$0] != 0 }, rows: record.g.count)
        let system = Self.calibrationSystem(record, cells: cells)
        guard let factorization = system.factorization() else {
          preconditionFailure("the weighting stage refuses collinear calibration variables")
        }
        if let cells {
          // Categorical variables alone: g is a function of the cell.
          let cellCount = cells.features.count / max(model.count, 1)
          var gOfCell = [Double](repeating: 1, count: cellCount)
          for row in record.g.indices where cells.cell[row] >= 0 { gOfCell[Int(cells.cell[row])] = record.g[row] }
          sources.append(CellSource(cell: cells.cell, rowScale: nil, count: cellCount))
          sourceWeights.append(record.weightsBefore)
          kinds.append(
            .cellDense(
              source: sources.count - 1, features: cells.features, uOfCell: gOfCell.map { 1 / $0 }, vOfCell: gOfCell,
              count: model.count))
        } else {
          let u = zip(record.g, record.weightsBefore).map { $1 != 0 ? 1 / $0 : 0 }
          let v = zip(record.g, record.weightsBefore).map { $1 != 0 ? $0 * $1 : 0 }
          kinds.append(.dense(model: model, u: u, v: v))
        }
        normalizers.append(.matrix(factorization))
        steps.append(kinds.count - 1)
      }
    }
    let sample = inSample!
    self.init(
      sources: sources, sourceWeights: sourceWeights, kinds: kinds, normalizers: normalizers, steps: steps,
      sample: sample, unitOfRow: unitOfRow, unitCount: unitCount)
  }

  /// Σ w h h' of a calibration (w the weights before it), over its cells when it has them.
  static func calibrationSystem(
    _ record: CalibrationAdjustment, cells: (cell: [Int32], features: [Double])?
  ) -> SymmetricSystem {
    let p = record.model.count
    var m = [Double](repeating: 0, count: p * p)
    func add(_ x: ArraySlice<Double>, _ w: Double) {
      let base = x.startIndex
      for a in 0..<p where x[base + a] != 0 {
        for b in 0..<p { m[a * p + b] += w * x[base + a] * x[base + b] }
      }
    }
    if let cells {
      var mass = [Double](repeating: 0, count: cells.features.count / max(p, 1))
      for row in cells.cell.indices where cells.cell[row] >= 0 { mass[Int(cells.cell[row])] += record.weightsBefore[row] }
      for c in mass.indices { add(cells.features[(c * p)..<(c * p + p)], mass[c]) }
    } else {
      var x = [Double](repeating: 0, count: p)
      for row in record.weightsBefore.indices where record.weightsBefore[row] != 0 {
        record.model.features(row: row, into: &x)
        add(x[0..<p], record.weightsBefore[row])
      }
    }
    return SymmetricSystem(matrix: m, size: p)
  }

  /// Completes the residualizer: the cross-products K of every pair of kinds and B per unit.
  init(
    sources: [CellSource], sourceWeights: [[Double]], kinds: [Kind], normalizers: [Normalizer], steps: [Int],
    sample: [Bool], unitOfRow: [Int32], unitCount: Int
  ) {
    self.sources = sources
    self.sourceWeights = sourceWeights
    self.kinds = kinds
    self.normalizers = normalizers
    self.steps = steps
    var present = [Bool](repeating: false, count: unitCount)
    for row in sample.indices where sample[row] { present[Int(unitOfRow[row])] = true }
    let units = (0..<Int32(unitCount)).filter { present[Int($0)] }
    self.units = units
    var position = [Int32](repeating: -1, count: unitCount)
    for (index, unit) in units.enumerated() { position[Int(unit)] = Int32(index) }
    cross = Self.crossProducts(kinds: kinds, sources: sources, sourceWeights: sourceWeights, sample: sample)
    unitSums = kinds.map { kind in
      guard case .dense(let model, _, let v) = kind else { return [] }
      return Self.denseUnitSums(model: model, v: v, sample: sample, unitOfRow: unitOfRow, position: position, units: units.count)
    }
    unitCells = sources.indices.map { source in
      Self.unitCells(
        sources[source], weights: sourceWeights[source], sample: sample, unitOfRow: unitOfRow, position: position,
        unitCount: units.count)
    }
  }
}
