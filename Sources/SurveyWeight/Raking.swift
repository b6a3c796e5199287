import SurveyCore
import SurveyDesign

/// Raking (iterative proportional fitting), as R's `rake`: each sweep post-stratifies to every
/// margin in turn; it stops when no weighted count of the joint table of all raking variables
/// changed by epsilon or more in a sweep (epsilon below 1 is a fraction of the weights' sum),
/// after at most `maxit` sweeps.
///
/// A row's factor depends only on its cell (its levels of every raking variable), so the
/// sweeps run on the cells' weighted counts, not on the rows.
struct Raking {
  let spec: RakeSpec

  /// One margin: its cells in the sample, its population totals, and each raking cell's level.
  struct Margin {
    let cells: SampleCells
    let population: [Double]
    let levelOfCell: [Int32]
  }

  /// The raked weights, the step's report and what the variance needs.
  ///
  /// - Throws: ``WeightError`` for a missing value on a row with a weight, a level of the sample
  ///   without a population total or the other way round, margins that disagree on the
  ///   population size, or no convergence within `maxit` sweeps.
  func apply(_ weights: [Double], table: DataTable, margins: Margins) throws -> (
    weights: [Double], step: WeightStep, adjustment: RakingAdjustment, replay: RakingReplay
  ) {
    let step = "rake"
    var parts: [String] = []
    for part in spec.variables.flatMap(MarginName.parts) where !parts.contains(part) { parts.append(part) }
    let joint = try SampleCells(name: parts.joined(separator: ":"), table: table, weights: weights, step: step)
    var rakeMargins: [Margin] = []
    for variable in spec.variables {
      let cells = try SampleCells(name: variable, table: table, weights: weights, step: step)
      let targets = try MarginTargets(cells: cells, margins: margins, step: step)
      rakeMargins.append(Margin(cells: cells, population: targets.population, levelOfCell: Self.levels(of: cells, in: joint)))
    }
    try Weighting.checkAgreement(rakeMargins.map { ($0.cells.name, $0.population.reduce(0, +)) }, file: margins.file)

    let base = joint.totals(weights)
    let epsilon = spec.epsilon < 1 ? spec.epsilon * weights.reduce(0, +) : spec.epsilon
    var factor = [Double](repeating: 1, count: joint.count)
    var factors = [[Double]](repeating: [], count: rakeMargins.count)
    var previous = base
    var sweeps = 0
    var converged = false
    var change = Double.infinity
    while sweeps < spec.maxit {
      sweeps += 1
      for (m, margin) in rakeMargins.enumerated() {
        var sample = [Double](repeating: 0, count: margin.population.count)
        for c in 0..<joint.count { sample[Int(margin.levelOfCell[c])] += base[c] * factor[c] }
        for c in 0..<joint.count {
          let level = Int(margin.levelOfCell[c])
          factor[c] *= margin.population[level] / sample[level]
        }
        factors[m] = factor
      }
      change = 0
      for c in 0..<joint.count {
        let current = base[c] * factor[c]
        change = max(change, abs(current - previous[c]))
        previous[c] = current
      }
      if change < epsilon {
        converged = true
        break
      }
    }
    var adjusted = weights
    for row in weights.indices where joint.cell[row] >= 0 { adjusted[row] *= factor[Int(joint.cell[row])] }
    var report = WeightStep(step: step, method: "iterative-proportional-fitting", columns: parts, after: WeightSummary(adjusted))
    report.margins = FileGlob.fileName(margins.file)
    report.iterations = sweeps
    report.converged = converged
    report.epsilon = spec.epsilon
    report.maxit = spec.maxit
    report.targets = rakeMargins.flatMap { margin -> [MarginCheck] in
      let achieved = margin.cells.totals(adjusted)
      return (0..<margin.cells.count).map {
        MarginCheck(
          variable: margin.cells.name, level: margin.cells.label($0), target: margin.population[$0], achieved: achieved[$0])
      }
    }
    // R's rule compares the joint table between sweeps, so one margin alone never "converges"
    // in one sweep although it is met exactly; weights that meet every margin are R's weights.
    if !converged, (report.maxRelativeError ?? 1) <= 1e-10 {
      converged = true
      report.converged = true
    }
    guard converged else {
      let worst = report.targets.max { $0.relativeError < $1.relativeError }
      throw WeightError.rakingNotConverged(
        sweeps: sweeps, change: change, epsilon: epsilon, worst: worst.map(Weighting.describe) ?? "none")
    }
    let adjustment = RakingAdjustment(
      cell: joint.cell, weightsBefore: weights,
      margins: zip(rakeMargins, factors).map { margin, factor in
        RakingAdjustment.Margin(
          variable: margin.cells.name, levelOfCell: margin.levelOfCell, levelCount: margin.cells.count,
          cellFactor: factor)
      })
    let replay = RakingReplay(
      cell: joint.cell, cellCount: joint.count,
      margins: rakeMargins.map { ($0.levelOfCell, $0.population) }, sweeps: sweeps)
    return (adjusted, report, adjustment, replay)
  }

  /// For each cell of `joint`, the cell of `margin` it lies in (the margin's variables are
  /// among the joint's).
  static func levels(of margin: SampleCells, in joint: SampleCells) -> [Int32] {
    let positions = margin.parts.map { joint.parts.firstIndex(of: $0)! }
    var index: [[Int32]: Int32] = [:]
    for (c, levels) in margin.levels.enumerated() { index[levels] = Int32(c) }
    return joint.levels.map { levels in index[positions.map { levels[$0] }]! }
  }
}

/// The raking of the full sample, replayed on other weights (a replicate's): the same cells,
/// margins and number of sweeps, as R's `rake` on a replicate design post-stratifies every
/// replicate in each sweep and stops when the full-sample weights converge.
struct RakingReplay: Sendable {
  /// Per row: its raking cell, −1 outside the weighted sample.
  let cell: [Int32]
  let cellCount: Int
  /// Per margin: each cell's level and the level's population total.
  let margins: [(levelOfCell: [Int32], population: [Double])]
  let sweeps: Int

  /// `weights` raked. A level that has no weight in them gets a factor of population/0, as in
  /// R, so that the replicate's estimates are not numbers and its variance leaves it out.
  func apply(_ weights: [Double]) -> [Double] {
    var base = [Double](repeating: 0, count: cellCount)
    for row in weights.indices where cell[row] >= 0 { base[Int(cell[row])] += weights[row] }
    var factor = [Double](repeating: 1, count: cellCount)
    for _ in 0..<sweeps {
      for margin in margins {
        var sample = [Double](repeating: 0, count: margin.population.count)
        for c in 0..<cellCount { sample[Int(margin.levelOfCell[c])] += base[c] * factor[c] }
        for c in 0..<cellCount { factor[c] *= margin.population[Int(margin.levelOfCell[c])] / sample[Int(margin.levelOfCell[c])] }
      }
    }
    var adjusted = weights
    for row in weights.indices where cell[row] >= 0 { adjusted[row] *= factor[Int(cell[row])] }
    return adjusted
  }
}
