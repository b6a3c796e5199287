import SurveyCore
import SurveyDesign

/// Post-stratification, as R's `postStratify`: in each post-stratum (a level of one variable, or
/// a cell of several), the weights are multiplied by the population count over the weighted
/// sample count, so that the weighted counts equal the population's.
struct PostStratification {
  let spec: PostStratifySpec

  /// The post-stratified weights, the step's report and what the variance needs.
  ///
  /// - Throws: ``WeightError`` for a missing value on a row with a weight, a post-stratum of the
  ///   sample without a population count, or a population count without sample.
  func apply(_ weights: [Double], table: DataTable, margins: Margins) throws -> (
    weights: [Double], step: WeightStep, adjustment: PostStratumAdjustment
  ) {
    let step = "poststratify"
    let cells = try SampleCells(name: spec.variable, table: table, weights: weights, step: step)
    let targets = try MarginTargets(cells: cells, margins: margins, step: step)
    let sample = cells.totals(weights)
    let reweight = zip(targets.population, sample).map { $0 / $1 }
    var adjusted = weights
    for row in weights.indices where cells.cell[row] >= 0 { adjusted[row] *= reweight[Int(cells.cell[row])] }
    var report = WeightStep(step: step, method: "post-strata", columns: cells.parts, after: WeightSummary(adjusted))
    report.margins = FileGlob.fileName(margins.file)
    let achieved = cells.totals(adjusted)
    report.targets = (0..<cells.count).map {
      MarginCheck(variable: cells.name, level: cells.label($0), target: targets.population[$0], achieved: achieved[$0])
    }
    let adjustment = PostStratumAdjustment(
      variable: cells.name, cell: cells.cell, cellCount: cells.count, weightsBefore: weights, reweight: reweight)
    return (adjusted, report, adjustment)
  }
}

extension PostStratumAdjustment {
  /// The post-stratification replayed on other weights (a replicate's), as R's `postStratify`
  /// of a replicate design: each post-stratum's weights times its population over their total.
  /// A post-stratum with no weight in them gets population/0, as in R, so that the replicate's
  /// estimates are not numbers and its variance leaves it out.
  func replay(_ weights: [Double]) -> [Double] {
    var before = [Double](repeating: 0, count: cellCount)
    var now = [Double](repeating: 0, count: cellCount)
    for row in weights.indices where cell[row] >= 0 {
      before[Int(cell[row])] += weightsBefore[row]
      now[Int(cell[row])] += weights[row]
    }
    let population = zip(reweight, before).map { $0 * $1 }
    var adjusted = weights
    for row in weights.indices where cell[row] >= 0 {
      adjusted[row] *= population[Int(cell[row])] / now[Int(cell[row])]
    }
    return adjusted
  }
}
