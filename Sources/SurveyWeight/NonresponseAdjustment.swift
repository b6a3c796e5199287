import SurveyCore

/// Nonresponse adjustment by weighting classes: in each class (a combination of the class
/// variables' levels), respondents' weights are multiplied by the class's total of weights over
/// its respondents' total, and nonrespondents get weight 0 — they keep their row, so records are
/// conserved and the design keeps its sampled units.
struct NonresponseAdjustment {
  let spec: NonresponseSpec

  /// The rule of the finding about a class with few respondents.
  static let smallClassRule = RuleID.nonresponseClass

  /// The adjusted weights, the step's report and a warning finding per class with
  /// nonrespondents and fewer respondents than `min_respondents`.
  ///
  /// - Throws: ``WeightError`` for a missing or unreadable response or class value on a row with
  ///   a weight, and for a class without respondents.
  func apply(_ weights: [Double], table: DataTable) throws -> (weights: [Double], step: WeightStep, findings: [Finding]) {
    let step = "nonresponse"
    let responded = try Self.responses(spec.response, table: table, weights: weights)
    let cells = try SampleCells(
      name: spec.classes.isEmpty ? "" : spec.classes.joined(separator: ":"), classesOf: spec.classes,
      table: table, weights: weights, step: step)
    var total = [Double](repeating: 0, count: cells.count)
    var respondentTotal = [Double](repeating: 0, count: cells.count)
    var respondents = [Int](repeating: 0, count: cells.count)
    for row in weights.indices where cells.cell[row] >= 0 {
      let c = Int(cells.cell[row])
      total[c] += weights[row]
      if responded[row] {
        respondentTotal[c] += weights[row]
        respondents[c] += 1
      }
    }
    var classes: [ClassAdjustment] = []
    var findings: [Finding] = []
    for c in 0..<cells.count {
      let levels = zip(spec.classes, cells.levels[c]).enumerated().map { index, pair in
        (variable: pair.0, level: cells.groups[index].levels[Int(pair.1)])
      }
      let adjustment = ClassAdjustment(
        levels: levels, respondents: respondents[c], nonrespondents: cells.rows[c] - respondents[c],
        factor: respondentTotal[c] > 0 ? total[c] / respondentTotal[c] : .infinity)
      guard respondents[c] > 0, respondentTotal[c] != 0 else {
        throw WeightError.noRespondents(weightingClass: adjustment.label, nonrespondents: adjustment.nonrespondents)
      }
      // A class whose respondents carry nonrespondents on too few shoulders is reported.
      if respondents[c] < spec.minRespondents, adjustment.nonrespondents > 0 {
        findings.append(
          Finding(
            severity: .warning, rule: Self.smallClassRule, variable: spec.response, value: adjustment.label,
            message: "the weighting class \(adjustment.label) has \(respondents[c]) respondent\(respondents[c] == 1 ? "" : "s"), fewer than min_respondents (\(spec.minRespondents)); their weights are multiplied by \(WeightError.number(adjustment.factor)) to carry \(adjustment.nonrespondents) nonrespondent\(adjustment.nonrespondents == 1 ? "" : "s")"
          ))
      }
      classes.append(adjustment)
    }
    var adjusted = weights
    for row in weights.indices where cells.cell[row] >= 0 {
      adjusted[row] = responded[row] ? weights[row] * classes[Int(cells.cell[row])].factor : 0
    }
    var report = WeightStep(step: step, method: "weighting-class", columns: [spec.response] + spec.classes, after: WeightSummary(adjusted))
    report.classes = classes
    return (adjusted, report, findings)
  }

  /// Per row: whether it responded (1, yes, true; 0, no, false), for every row with a weight.
  static func responses(_ name: String, table: DataTable, weights: [Double]) throws -> [Bool] {
    guard let column = table.column(name) else { throw WeightError.unknownColumn(column: name, step: "nonresponse") }
    guard let groups = GroupCodes(column) else { throw WeightError.ungroupable(column: name, step: "nonresponse") }
    let meaning: [Bool?] = groups.levels.map { level in
      switch level.lowercased() {
      case "1", "yes", "true", "y": return true
      case "0", "no", "false", "n": return false
      default: return nil
      }
    }
    var responded = [Bool](repeating: false, count: weights.count)
    for row in weights.indices where weights[row] != 0 {
      let code = groups.codes[row]
      guard code >= 0 else {
        throw WeightError.missingValue(column: name, step: "nonresponse", at: RowLocation(row: row, in: table))
      }
      guard let value = meaning[Int(code)] else {
        throw WeightError.invalidResponse(column: name, at: RowLocation(row: row, in: table))
      }
      responded[row] = value
    }
    return responded
  }
}

extension SampleCells {
  /// The weighting classes: the joint cells of `classes`, or one class of every row with a
  /// weight when there are none.
  init(name: String, classesOf classes: [String], table: DataTable, weights: [Double], step: String) throws {
    if classes.isEmpty {
      self.init(everyRowOf: weights)
    } else {
      try self.init(name: name, table: table, weights: weights, step: step)
    }
  }
}
