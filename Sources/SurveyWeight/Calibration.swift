import SurveyCore
import SurveyDesign

/// Calibration to population totals, as R's `calibrate`: factors g with Σ g w x = the population
/// totals of the model's columns. Unbounded linear calibration (GREG) has the closed form
/// g = 1 + x'(Σ w x x')⁻¹(totals − Σ w x); bounded linear, raking and logit calibration run R's
/// Newton iteration (``GeneralizedRaking``).
struct Calibration {
  let spec: CalibrateSpec

  /// The calibrated weights, the step's report and what the variance needs.
  ///
  /// - Throws: ``WeightError`` for bounds that cannot hold a solution, the margin problems of
  ///   ``CalibrationTargets``, collinear calibration variables, or no convergence.
  func apply(_ weights: [Double], table: DataTable, margins: Margins) throws -> (
    weights: [Double], step: WeightStep, adjustment: CalibrationAdjustment
  ) {
    try checkBounds()
    guard weights.contains(where: { $0 != 0 }) else { throw WeightError.noWeights(step: "calibrate") }
    let targets = try CalibrationTargets(variables: spec.variables, table: table, weights: weights, margins: margins)
    let sample = CalibrationSample(model: targets.model, weights: weights)
    let system = SymmetricSystem(matrix: sample.crossProduct(), size: sample.columns)
    guard let factorization = system.factorization() else { throw WeightError.collinear(variables: spec.variables) }
    let bounded = spec.lower.isFinite || spec.upper.isFinite
    let g: [Double]
    let iterations: Int
    if spec.method == .linear, !bounded {
      let totals = sample.totals
      let lambda = factorization.solve(zip(targets.population, totals).map { $0 - $1 })
      var pointG = [Double](repeating: 1, count: sample.count)
      for index in 0..<sample.count {
        var u = 0.0
        for j in 0..<sample.columns { u += sample.matrix[index * sample.columns + j] * lambda[j] }
        pointG[index] = 1 + u
      }
      g = sample.rowValues(pointG)
      iterations = 1
    } else {
      let function = CalibrationFunction(method: spec.method, lower: spec.lower, upper: spec.upper)
      let outcome = GeneralizedRaking(function: function, epsilon: spec.epsilon, maxit: spec.maxit)
        .solve(sample: sample, population: targets.population)
      if let failure = outcome.failure {
        let label = targets.labels[failure.column]
        throw WeightError.calibrationFailed(
          method: spec.method.rawValue, iterations: min(outcome.iterations, spec.maxit), misfit: failure.misfit,
          worst: label.level.isEmpty ? label.variable : "\(label.variable) = \(label.level)", bounds: boundsText)
      }
      g = outcome.g
      iterations = outcome.iterations
    }
    let adjusted = zip(weights, g).map { $0 * $1 }
    var report = WeightStep(
      step: "calibrate", method: spec.method.rawValue, columns: spec.variables.flatMap(MarginName.parts),
      after: WeightSummary(adjusted))
    report.margins = FileGlob.fileName(margins.file)
    report.iterations = iterations
    report.converged = true
    if spec.method != .linear || bounded {
      report.epsilon = spec.epsilon
      report.maxit = spec.maxit
    }
    if bounded {
      report.lower = spec.lower
      report.upper = spec.upper
    }
    report.targets = Self.checks(targets, weights: adjusted)
    return (adjusted, report, CalibrationAdjustment(model: targets.model, weightsBefore: weights, g: g))
  }

  /// Every level of each categorical margin and every numeric total, with the calibrated
  /// weighted total.
  static func checks(_ targets: CalibrationTargets, weights: [Double]) -> [MarginCheck] {
    var checks: [MarginCheck] = []
    for margin in targets.categorical {
      let achieved = margin.cells.totals(weights)
      for c in 0..<margin.cells.count {
        checks.append(
          MarginCheck(
            variable: margin.cells.name, level: margin.cells.label(c), target: margin.targets.population[c],
            achieved: achieved[c]))
      }
    }
    for (index, numeric) in targets.model.numerics.enumerated() {
      let achieved = zip(weights, numeric.values).reduce(0) { $1.0 != 0 ? $0 + $1.0 * $1.1 : $0 }
      checks.append(MarginCheck(variable: numeric.name, level: "", target: targets.numericTotals[index], achieved: achieved))
    }
    if targets.categorical.isEmpty {
      checks.insert(
        MarginCheck(
          variable: CalibrationTargets.interceptName, level: "", target: targets.population[0],
          achieved: weights.reduce(0, +)), at: 0)
    }
    return checks
  }

  /// Logit calibration needs finite bounds around 1; any bounds need lower < upper.
  func checkBounds() throws {
    let ordered = spec.lower < spec.upper && !spec.lower.isNaN && !spec.upper.isNaN
    let logitOK = spec.method != .logit || (spec.lower.isFinite && spec.upper.isFinite && spec.lower < 1 && spec.upper > 1)
    guard ordered, logitOK else {
      throw WeightError.invalidBounds(method: spec.method.rawValue, lower: spec.lower, upper: spec.upper)
    }
  }

  /// `, bounds 0.5 to 2.5` when bounded.
  var boundsText: String {
    spec.lower.isFinite || spec.upper.isFinite
      ? ", bounds \(WeightError.number(spec.lower)) to \(WeightError.number(spec.upper))" : ""
  }
}
