import SurveyCore
import SurveyDesign

/// The Taylor-linearization variance of an estimate from the totals of its influence values
/// over sampling units, exactly as R's `svyrecvar` adds it up (`multistage`, `onestage`,
/// `onestrat` in the survey package's `multistage.R`).
///
/// Per stratum h of a stage, with n_h sampled units, f_h = (N_h − n_h)/N_h (1 without an fpc)
/// and t_c the units' totals (units of the stratum without rows count as 0):
/// - f_h < 1e-7 (every unit sampled): no contribution;
/// - n_h ≥ 2: f_h · n_h/(n_h − 1) · Σ (t_c − t̄)² over all n_h units;
/// - n_h = 1 (a lonely unit), by the lonely-PSU rule: `fail` throws, `remove` and `certainty`
///   add 0, `adjust` adds f_h · t² (the total compared with 0), and `average` leaves the stratum
///   out and scales the stage's sum by (strata with rows) / (strata left in).
///
/// With fpcs and several stages, each unit's total is also split among the units sampled within
/// it, whose variance is added in the same way, multiplied by the sampling fraction n/N of every
/// stage above (R's recursion). At later stages each unit of the stage before is a stratum of its
/// own, so `average` there has nothing to average over and the variance is undefined (R: NaN).
struct TaylorVariance: Sendable {
  /// One stage's strata as the variance needs them.
  struct Stage: Sendable {
    /// Per unit: its stratum (at a later stage, its unit at the stage before).
    let stratumOfUnit: [Int32]
    /// Per stratum: n, the units sampled.
    let sampled: [Int32]
    /// Per stratum: f.
    let correction: [Double]
    /// Per stratum: the product of the sampling fractions n/N of the stages above (1 at stage 1).
    let multiplier: [Double]
    /// Per stratum: its name in messages.
    let labels: [String]?
    /// The column of the stratum's units at a later stage, or the strata column at the first.
    let column: String?
  }

  /// A unit's total, a stratum's sum of squares or a stage's sum went beyond the largest double
  /// (or became NaN from an infinite one): the estimator names the variable.
  struct Overflow: Error {}

  /// The stages whose variance is added: the first, or every stage when fpcs are given.
  let stages: [Stage]
  let lonely: LonelyPSU

  init(structure: SampleStructure) {
    var stages: [Stage] = []
    var parentMultiplier: [Double] = []
    for index in 0..<structure.varianceStageCount {
      let stage = structure.stages[index]
      let multiplier: [Double]
      if index == 0 {
        multiplier = [Double](repeating: 1, count: stage.strataCount)
      } else {
        // A stratum here is a unit of the stage before, inside one of its strata.
        let above = structure.stages[index - 1]
        multiplier = above.units.stratumOfUnit.map { h in
          parentMultiplier[Int(h)] * above.samplingFraction(ofStratum: Int(h))
        }
      }
      parentMultiplier = multiplier
      stages.append(
        Stage(
          stratumOfUnit: stage.units.stratumOfUnit,
          sampled: (0..<stage.strataCount).map { Int32(stage.sampledUnits(inStratum: $0)) },
          correction: stage.finiteCorrection, multiplier: multiplier, labels: stage.strataLabels,
          column: index == 0 ? structure.spec.strata : stage.unitColumn))
    }
    self.stages = stages
    lonely = structure.spec.lonelyPSU
  }

  /// The variance from the totals of the units of the last variance stage that have rows used,
  /// sorted by unit, each unit once; NaN when `average` leaves nothing to average.
  ///
  /// - Throws: ``TabulateError/lonelyPSU(stage:column:stratum:)`` under `fail` when a stratum
  ///   with a single unit has rows used (a certainty stratum never fails); ``Overflow`` when a
  ///   total or a sum of squares is not finite, so that only `average` ever makes it NaN.
  func variance(units: [Int32], totals: [Double]) throws -> Double {
    guard totals.allSatisfy(\.isFinite) else { throw Overflow() }
    var units = units
    var totals = totals
    var result = 0.0
    for index in stride(from: stages.count - 1, through: 0, by: -1) {
      let stage = stages[index]
      var parents: [Int32] = []
      var parentTotals: [Double] = []
      if index > 0 {
        parents.reserveCapacity(units.count)
        parentTotals.reserveCapacity(units.count)
      }
      var sum = 0.0
      var visited = 0
      var kept = 0
      var start = 0
      while start < units.count {
        let h = Int(stage.stratumOfUnit[Int(units[start])])
        var end = start
        var stratumTotal = 0.0
        while end < units.count, Int(stage.stratumOfUnit[Int(units[end])]) == h {
          stratumTotal += totals[end]
          end += 1
        }
        visited += 1
        guard stratumTotal.isFinite else { throw Overflow() }
        if let v = try stratumVariance(stage, stratum: h, totals: totals[start..<end], total: stratumTotal, number: index + 1) {
          sum += v * stage.multiplier[h]
          kept += 1
        }
        if index > 0 {
          parents.append(Int32(h))
          parentTotals.append(stratumTotal)
        }
        start = end
      }
      guard sum.isFinite else { throw Overflow() }
      if index == 0 {
        result += kept == visited ? sum : (kept == 0 ? .nan : sum * Double(visited) / Double(kept))
      } else {
        result += kept == visited ? sum : .nan
      }
      units = parents
      totals = parentTotals
    }
    guard !result.isInfinite else { throw Overflow() }
    return result
  }

  /// One stratum's contribution (before the multiplier), nil when `average` leaves it out.
  func stratumVariance(
    _ stage: Stage, stratum h: Int, totals: ArraySlice<Double>, total: Double, number: Int
  ) throws -> Double? {
    let correction = stage.correction[h]
    if correction < 1e-7 { return 0 }
    let sampled = Int(stage.sampled[h])
    if sampled >= 2 {
      let centre = total / Double(sampled)
      var squares = 0.0
      for t in totals {
        let deviation = t - centre
        squares += deviation * deviation
      }
      squares += Double(sampled - totals.count) * centre * centre
      return correction * Double(sampled) / Double(sampled - 1) * squares
    }
    switch lonely {
    case .fail:
      throw TabulateError.lonelyPSU(stage: number, column: stage.column, stratum: stage.labels?[h])
    case .remove, .certainty:
      return 0
    case .adjust:
      return correction * total * total
    case .average:
      return nil
    }
  }
}
