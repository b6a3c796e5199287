import SurveyCore
import SurveyDesign

/// The model matrix of a calibration and the population total of each of its columns, from the
/// calibration variables and a margins file.
///
/// A variable whose margins rows are a single row with an empty level is numeric (its column
/// holds numbers, and the row its population total); any other is categorical, one variable or
/// joint cells (`a:b`). The intercept's total is the population size: the sum of a categorical
/// margin, or a row `(Intercept)` with an empty level. Only levels that occur among rows with a
/// weight become columns; a joint level with neither sample nor population is dropped, as R
/// drops columns whose sample and population totals are both zero.
struct CalibrationTargets {
  let model: CalibrationModel
  /// Per column of the model: the population total.
  let population: [Double]
  /// Per column of the model: where its target comes from, for messages.
  let labels: [(variable: String, level: String)]
  /// The categorical margins with their sample cells and population totals, for the report.
  let categorical: [(cells: SampleCells, targets: MarginTargets)]
  /// The numeric variables' population totals, in model order.
  let numericTotals: [Double]

  /// The row name of the population size in a margins file.
  static let interceptName = "(Intercept)"

  /// - Throws: ``WeightError`` as ``MarginTargets`` does, for a numeric variable that is not a
  ///   number on a row with a weight, for margins that disagree on the population size, and when
  ///   the population size is unknown.
  init(variables: [String], table: DataTable, weights: [Double], margins: Margins) throws {
    let step = "calibrate"
    var factorIndex: [String: Int] = [:]
    var factors: [CalibrationModel.Factor] = []
    var numerics: [CalibrationModel.Numeric] = []
    var numericTotals: [Double] = []
    var modelVariables: [CalibrationModel.Variable] = []
    var categorical: [(cells: SampleCells, targets: MarginTargets)] = []
    for variable in variables {
      let rows = margins.rows(of: variable)
      if rows.count == 1, rows[0].level.isEmpty, MarginName.parts(variable).count == 1 {
        numerics.append(try Self.numeric(variable, table: table, weights: weights))
        numericTotals.append(rows[0].total)
        modelVariables.append(.numeric(numerics.count - 1))
        continue
      }
      if let row = rows.first(where: { $0.level.isEmpty }) {
        throw WeightError.numericMarginLevels(variable: variable, file: margins.file, line: row.line)
      }
      let cells = try SampleCells(name: variable, table: table, weights: weights, step: step)
      let targets = try MarginTargets(cells: cells, margins: margins, step: step)
      categorical.append((cells, targets))
      var members: [Int] = []
      for (position, part) in cells.parts.enumerated() {
        if let known = factorIndex[part] {
          members.append(known)
          continue
        }
        factorIndex[part] = factors.count
        members.append(factors.count)
        factors.append(Self.factor(part, group: cells.groups[position], weights: weights))
      }
      modelVariables.append(.categorical(members))
    }
    // An explicit population size must agree with the categorical margins too.
    let explicit = margins.rows(of: Self.interceptName).first { $0.level.isEmpty }
    try Weighting.checkAgreement(
      categorical.map { ($0.cells.name, $0.targets.total) } + (explicit.map { [(Self.interceptName, $0.total)] } ?? []),
      file: margins.file)
    let size: Double
    if let first = categorical.first {
      size = first.targets.total
    } else if let explicit {
      size = explicit.total
    } else {
      throw WeightError.noPopulationSize(file: margins.file)
    }
    let full = CalibrationModel(factors: factors, numerics: numerics, variables: modelVariables)
    var population: [Double] = []
    var labels: [(variable: String, level: String)] = []
    var kept: [Int] = []
    for (column, term) in full.terms.enumerated() {
      switch term {
      case .intercept:
        population.append(size)
        labels.append((Self.interceptName, ""))
        kept.append(column)
      case .numeric(let index):
        population.append(numericTotals[index])
        labels.append((numerics[index].name, ""))
        kept.append(column)
      case .indicator(let members, let levels):
        let names = members.map { factors[$0].name }
        let texts = zip(members, levels).map { factors[$0].levels[Int($1)] }
        let (total, found) = Self.total(of: names, levels: texts, in: categorical)
        // A joint level with neither sample nor population (R's zero columns) is dropped.
        if !found, total == 0 { continue }
        population.append(total)
        labels.append((names.joined(separator: ":"), texts.joined(separator: ":")))
        kept.append(column)
      }
    }
    model = full.keeping(columns: kept)
    self.population = population
    self.labels = labels
    self.categorical = categorical
    self.numericTotals = numericTotals
  }

  /// The population total of the cells where `names` take `levels`, from the first margin that
  /// holds all of `names`; `found` when a sample cell matched.
  static func total(
    of names: [String], levels: [String], in margins: [(cells: SampleCells, targets: MarginTargets)]
  ) -> (total: Double, found: Bool) {
    guard let margin = margins.first(where: { Set(names).isSubset(of: $0.cells.parts) }) else { return (0, false) }
    let positions = names.map { margin.cells.parts.firstIndex(of: $0)! }
    var total = 0.0
    var found = false
    for c in 0..<margin.cells.count {
      let cellLevels = positions.map { margin.cells.groups[$0].levels[Int(margin.cells.levels[c][$0])] }
      if cellLevels == levels {
        total += margin.targets.population[c]
        found = true
      }
    }
    return (total, found)
  }

  /// A categorical variable restricted to the levels that occur among rows with a weight.
  static func factor(_ name: String, group: GroupCodes, weights: [Double]) -> CalibrationModel.Factor {
    var present = [Bool](repeating: false, count: group.levels.count)
    for row in weights.indices where weights[row] != 0 && group.codes[row] >= 0 { present[Int(group.codes[row])] = true }
    var renumber = [Int32](repeating: -1, count: group.levels.count)
    var levels: [String] = []
    for index in group.levels.indices where present[index] {
      renumber[index] = Int32(levels.count)
      levels.append(group.levels[index])
    }
    let codes = group.codes.map { $0 >= 0 ? renumber[Int($0)] : -1 }
    return CalibrationModel.Factor(name: name, codes: codes, levels: levels)
  }

  /// A numeric calibration variable, present on every row with a weight.
  static func numeric(_ name: String, table: DataTable, weights: [Double]) throws -> CalibrationModel.Numeric {
    guard let column = table.column(name) else { throw WeightError.unknownColumn(column: name, step: "calibrate") }
    guard let values = column.numbers else { throw WeightError.notNumeric(column: name, step: "calibrate") }
    for row in weights.indices where weights[row] != 0 && column.state[row] != .present {
      throw WeightError.missingValue(column: name, step: "calibrate", at: RowLocation(row: row, in: table))
    }
    return CalibrationModel.Numeric(name: name, values: values)
  }
}
