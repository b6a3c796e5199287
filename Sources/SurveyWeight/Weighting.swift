import SurveyCore
import SurveyDesign

/// The weighting stage: design weights, then nonresponse adjustment, post-stratification,
/// raking, calibration and trimming, each as R's `survey` package does it, and the design that
/// the estimates use.
public enum Weighting {
  /// Margins of one population must agree on its size to within this relative difference.
  public static let marginTolerance = 1e-6

  /// Runs the whole stage.
  ///
  /// - Parameters:
  ///   - table: the data.
  ///   - spec: the design's columns.
  ///   - weighting: the steps after the design weights (nil: none).
  ///   - margins: the margins files the steps name, read, by path.
  /// - Returns: the design with its final weights and the record the variance needs, the
  ///   diagnostics, findings (small nonresponse classes, negative weights) and notes.
  /// - Throws: ``SurveyDesign/DesignError`` for the design's columns, ``WeightError`` for a step.
  public static func run(
    table: DataTable, spec: DesignSpec, weighting: WeightingSpec? = nil, margins: [String: Margins] = [:]
  ) throws -> WeightingResult {
    let structure = try SampleStructure(table: table, spec: spec)
    let design = try designWeights(structure, table: table)
    var record = StepRecord(
      weights: design.values,
      step: WeightStep(
        step: "design", method: design.rule.name, columns: design.rule.columns, after: WeightSummary(design.values)))
    func margin(_ path: String) -> Margins {
      guard let file = margins[path] else { preconditionFailure("margins file \(path) was not read") }
      return file
    }
    if let spec = weighting?.nonresponse {
      let outcome = try NonresponseAdjustment(spec: spec).apply(record.weights, table: table)
      record.add(outcome.weights, outcome.step, findings: outcome.findings)
      record.replays.append { try NonresponseAdjustment(spec: spec).apply($0, table: table).weights }
    }
    if let spec = weighting?.postStratify {
      let outcome = try PostStratification(spec: spec).apply(record.weights, table: table, margins: margin(spec.margins))
      record.add(outcome.weights, outcome.step, adjustment: .postStratification(outcome.adjustment))
      record.replays.append(outcome.adjustment.replay)
    }
    if let spec = weighting?.rake {
      let outcome = try Raking(spec: spec).apply(record.weights, table: table, margins: margin(spec.margins))
      record.add(outcome.weights, outcome.step, adjustment: .raking(outcome.adjustment))
      record.replays.append(outcome.replay.apply)
    }
    if let spec = weighting?.calibrate {
      let margins = margin(spec.margins)
      let outcome = try Calibration(spec: spec).apply(record.weights, table: table, margins: margins)
      record.add(outcome.weights, outcome.step, adjustment: .calibration(outcome.adjustment))
      record.replays.append { try Calibration(spec: spec).apply($0, table: table, margins: margins).weights }
    }
    if let spec = weighting?.trim {
      let outcome = try Trimming(spec: spec).apply(record.weights)
      record.add(outcome.weights, outcome.step)
      record.replays.append { try Trimming(spec: spec).apply($0).weights }
    }
    for step in record.steps where !(step.after.sum.isFinite && (step.after.max ?? 0).isFinite && (step.after.min ?? 0).isFinite) {
      throw WeightError.nonFiniteWeights(step: step.step)
    }
    let weights = record.weights
    let targets = record.steps.flatMap(\.targets)
    var findings = record.findings
    let final = try finalChecks(targets, table: table, weights: weights)
    findings += negativeWeights(weights)
    let diagnostics = WeightDiagnostics(weights: weights, steps: record.steps, finalTargets: final)
    var result = WeightingResult(
      design: Design(structure: structure, weights: weights, adjustments: record.adjustments), diagnostics: diagnostics,
      findings: findings, notes: design.notes)
    if let replicates = spec.replicates {
      let made = try replicateWeights(
        replicates, structure: structure, table: table, designWeights: design.values, final: weights,
        replays: record.replays)
      result.design.replicates = made
      result.design.variance = .replicates
      result.notes += made.notes
      result.diagnostics.replicates = ReplicateSummary(
        method: made.method.rName, count: made.count, scale: made.scale, rscales: made.rscales, mse: made.mse,
        origin: made.origin)
    }
    return result
  }

  /// The design weights of `table` under `structure`, as R's `svydesign` sets them: the weight
  /// column when given; otherwise 1 / the probability column; otherwise, with fpcs, the product
  /// over stages of N/n (1/fraction with fractions); otherwise 1 for every row, with a note (R
  /// warns "assuming equal probability").
  ///
  /// - Throws: ``SurveyDesign/DesignError`` for both weight and probability, unknown or
  ///   non-numeric columns, and rows whose weight is missing or negative, whose probability is
  ///   missing, not positive or above 1.
  public static func designWeights(_ structure: SampleStructure, table: DataTable) throws -> DesignWeights {
    let spec = structure.spec
    if let weight = spec.weight, let probability = spec.probability {
      throw DesignError.weightAndProbability(weight: weight, probability: probability)
    }
    if spec.census {
      return DesignWeights(
        values: [Double](repeating: 1, count: table.rowCount), rule: .census,
        notes: ["a census: every unit of the population is a row with weight 1, and estimates have no sampling error"])
    }
    if let name = spec.weight {
      return DesignWeights(values: try positiveValues(name, in: table, allowingZero: true), rule: .weight(column: name))
    }
    if let name = spec.probability {
      let values = try positiveValues(name, in: table, allowingZero: false)
      if let row = values.firstIndex(where: { $0 > 1 }) {
        throw DesignError.probabilityAboveOne(column: name, at: .init(row: row, in: table))
      }
      return DesignWeights(values: values.map { 1 / $0 }, rule: .probability(column: name))
    }
    if let values = structure.impliedWeights(), let fractions = structure.fpcFractions {
      return DesignWeights(values: values, rule: fractions ? .fpcFractions(columns: spec.fpc) : .fpcCounts(columns: spec.fpc))
    }
    return DesignWeights(
      values: [Double](repeating: 1, count: table.rowCount), rule: .equal,
      notes: ["no weight, probability or fpc column: every row has weight 1 (equal probability of selection, as R assumes)"])
  }

  /// The numbers of column `name`, each present, finite, and positive (or 0 when
  /// `allowingZero`: a weight of 0 keeps its row out of every estimate, as in R).
  static func positiveValues(_ name: String, in table: DataTable, allowingZero: Bool) throws -> [Double] {
    guard let column = table.column(name) else { throw DesignError.unknownColumn(column: name) }
    guard let values = column.numbers else { throw DesignError.notNumeric(column: name) }
    for row in values.indices {
      guard column.state[row] == .present else {
        throw DesignError.missingValue(column: name, at: .init(row: row, in: table))
      }
      guard values[row].isFinite, values[row] > 0 || (allowingZero && values[row] == 0) else {
        if allowingZero { throw DesignError.negativeWeight(column: name, at: .init(row: row, in: table)) }
        throw DesignError.nonPositive(column: name, at: .init(row: row, in: table))
      }
    }
    return values
  }

  /// Every target of the steps (each (variable, level) once) with the final weights' total.
  static func finalChecks(_ targets: [MarginCheck], table: DataTable, weights: [Double]) throws -> [MarginCheck] {
    var seen = Set<String>()
    var cells: [String: (cells: SampleCells, totals: [Double])] = [:]
    var result: [MarginCheck] = []
    for target in targets where seen.insert(target.variable + "\u{0}" + target.level).inserted {
      var check = target
      if target.variable == CalibrationTargets.interceptName {
        check.achieved = weights.reduce(0, +)
      } else if target.level.isEmpty, let values = table.column(target.variable)?.numbers {
        check.achieved = zip(weights, values).reduce(0) { $1.0 != 0 ? $0 + $1.0 * $1.1 : $0 }
      } else {
        if cells[target.variable] == nil {
          let margin = try SampleCells(name: target.variable, table: table, weights: weights, step: "weights")
          cells[target.variable] = (margin, margin.totals(weights))
        }
        let (margin, totals) = cells[target.variable]!
        let texts = margin.parts.count == 1 ? [target.level] : MarginName.parts(target.level)
        check.achieved = margin.cell(matching: texts).map { totals[$0] } ?? 0
      }
      result.append(check)
    }
    return result
  }

  /// Checks that margins of one population agree on its size (``marginTolerance``).
  static func checkAgreement(_ totals: [(variable: String, total: Double)], file: String) throws {
    guard let first = totals.first else { return }
    for other in totals.dropFirst() where abs(other.total - first.total) > marginTolerance * abs(first.total) {
      throw WeightError.marginsDisagree(
        variable: other.variable, total: other.total, firstVariable: first.variable, firstTotal: first.total, file: file)
    }
  }

  /// `sex = 2: achieved 1094698.2, target 1094700` for messages.
  static func describe(_ check: MarginCheck) -> String {
    let name = check.level.isEmpty ? check.variable : "\(check.variable) = \(check.level)"
    return "\(name): achieved \(WeightError.number(check.achieved)), target \(WeightError.number(check.target))"
  }

  /// Warnings for negative weights (linear calibration can give them, as in R).
  static func negativeWeights(_ weights: [Double]) -> [Finding] {
    let negative = weights.filter { $0 < 0 }.count
    guard negative > 0 else { return [] }
    return [
      Finding(
        severity: .warning, rule: .negativeWeight,
        message: "\(negative) final weight\(negative == 1 ? " is" : "s are") negative (unbounded linear calibration); consider --bounds or calibrate method raking")
    ]
  }
}

/// The weights as the steps leave them, with what each step reported and recorded.
struct StepRecord {
  var weights: [Double]
  var steps: [WeightStep]
  var adjustments: [VarianceAdjustment] = []
  var findings: [Finding] = []
  /// Each step after the design weights, as a function of the weights before it, to apply to
  /// every replicate's weights.
  var replays: [@Sendable ([Double]) throws -> [Double]] = []

  init(weights: [Double], step: WeightStep) {
    self.weights = weights
    steps = [step]
  }

  /// A step's weights, report, variance record and findings.
  mutating func add(
    _ weights: [Double], _ step: WeightStep, adjustment: VarianceAdjustment? = nil, findings: [Finding] = []
  ) {
    self.weights = weights
    steps.append(step)
    if let adjustment { adjustments.append(adjustment) }
    self.findings += findings
  }
}
