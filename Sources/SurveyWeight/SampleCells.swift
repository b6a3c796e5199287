import SurveyCore

/// The levels of a weighting variable, or the joint cells of several (`sex:age_group`), over
/// the rows that have a weight: the cells that occur, each row's cell and each cell's levels.
struct SampleCells {
  /// The variable as named (`sex:age_group` for joint cells).
  let name: String
  /// Its variables.
  let parts: [String]
  /// Each variable's levels.
  let groups: [GroupCodes]
  /// Per row: its cell, −1 for rows with weight 0.
  let cell: [Int32]
  /// Per cell: the level of each variable, indices into ``groups``' levels.
  let levels: [[Int32]]
  /// Per cell: the number of rows.
  let rows: [Int]

  /// The cells of `name` among the rows with a nonzero weight.
  ///
  /// - Throws: ``WeightError`` for an unknown or multi-select column, or a row with a weight but
  ///   no value.
  init(name: String, table: DataTable, weights: [Double], step: String) throws {
    self.name = name
    parts = MarginName.parts(name)
    var groups: [GroupCodes] = []
    for part in parts {
      guard let column = table.column(part) else { throw WeightError.unknownColumn(column: part, step: step) }
      guard let group = GroupCodes(column) else { throw WeightError.ungroupable(column: part, step: step) }
      groups.append(group)
    }
    self.groups = groups
    let radix = groups.map { Int64(max($0.levels.count, 1)) }
    // A key per row (mixed radix of its levels), then the keys that occur, numbered in order.
    var rowKey = [Int64](repeating: -1, count: weights.count)
    let space = radix.reduce(Int64(1)) { $0.multipliedReportingOverflow(by: $1).overflow ? Int64.max : $0 * $1 }
    var seenSmall = space <= 1 << 22 ? [Bool](repeating: false, count: Int(space)) : []
    var seenLarge = Set<Int64>()
    for row in weights.indices where weights[row] != 0 {
      var key: Int64 = 0
      for (index, group) in groups.enumerated() {
        let code = group.codes[row]
        guard code >= 0 else {
          throw WeightError.missingValue(column: parts[index], step: step, at: RowLocation(row: row, in: table))
        }
        key = key * radix[index] + Int64(code)
      }
      rowKey[row] = key
      if seenSmall.isEmpty { seenLarge.insert(key) } else { seenSmall[Int(key)] = true }
    }
    let keys = seenSmall.isEmpty ? seenLarge.sorted() : seenSmall.indices.filter { seenSmall[$0] }.map { Int64($0) }
    var cell = [Int32](repeating: -1, count: weights.count)
    var rows = [Int](repeating: 0, count: keys.count)
    if seenSmall.isEmpty {
      var keyOfCell: [Int64: Int32] = [:]
      for (index, key) in keys.enumerated() { keyOfCell[key] = Int32(index) }
      for row in weights.indices where rowKey[row] >= 0 { cell[row] = keyOfCell[rowKey[row]]! }
    } else {
      var keyOfCell = [Int32](repeating: -1, count: seenSmall.count)
      for (index, key) in keys.enumerated() { keyOfCell[Int(key)] = Int32(index) }
      for row in weights.indices where rowKey[row] >= 0 { cell[row] = keyOfCell[Int(rowKey[row])] }
    }
    for c in cell where c >= 0 { rows[Int(c)] += 1 }
    self.cell = cell
    self.rows = rows
    levels = keys.map { key in
      var remaining = key
      var codes = [Int32](repeating: 0, count: radix.count)
      for index in radix.indices.reversed() {
        codes[index] = Int32(remaining % radix[index])
        remaining /= radix[index]
      }
      return codes
    }
  }

  /// One cell holding every row with a nonzero weight (no variables).
  init(everyRowOf weights: [Double]) {
    name = ""
    parts = []
    groups = []
    cell = weights.map { $0 != 0 ? 0 : -1 }
    levels = [[]]
    rows = [weights.filter { $0 != 0 }.count]
  }

  /// The number of cells.
  var count: Int { levels.count }

  /// Cell `c` as a margins level: the variables' levels joined by `:`.
  func label(_ c: Int) -> String {
    zip(groups, levels[c]).map { $0.levels[Int($1)] }.joined(separator: ":")
  }

  /// The cell whose levels are the texts `texts` (one per variable), if it occurs.
  func cell(matching texts: [String]) -> Int? {
    var codes: [Int32] = []
    for (group, text) in zip(groups, texts) {
      guard let index = group.levels.firstIndex(of: text) else { return nil }
      codes.append(Int32(index))
    }
    return levels.firstIndex(of: codes)
  }

  /// Σ weights per cell.
  func totals(_ weights: [Double]) -> [Double] {
    var totals = [Double](repeating: 0, count: count)
    for row in weights.indices where cell[row] >= 0 { totals[Int(cell[row])] += weights[row] }
    return totals
  }
}

/// The population total of every cell of a margin, from a margins file.
struct MarginTargets {
  /// Per cell of the ``SampleCells``: the population total.
  let population: [Double]
  /// The margins file.
  let file: String

  /// Matches the rows of `cells.name` in `margins` to the sample's cells.
  ///
  /// - Throws: ``WeightError`` when the file has no rows for the variable, a joint level does not
  ///   split into one part per variable, a level with a positive total has no respondents, or a
  ///   cell of the sample has no positive population total.
  init(cells: SampleCells, margins: Margins, step: String) throws {
    let rows = margins.rows(of: cells.name)
    guard !rows.isEmpty else { throw WeightError.noMargin(variable: cells.name, step: step, file: margins.file) }
    var population = [Double](repeating: 0, count: cells.count)
    if let row = rows.first(where: { $0.level.isEmpty }) {
      throw WeightError.emptyLevel(variable: cells.name, step: step, file: margins.file, line: row.line)
    }
    for row in rows {
      let texts = cells.parts.count == 1 ? [row.level] : MarginName.parts(row.level)
      guard texts.count == cells.parts.count else {
        throw WeightError.malformedJointLevel(variable: cells.name, level: row.level, file: margins.file, line: row.line)
      }
      guard let c = cells.cell(matching: texts) else {
        if row.total > 0 {
          throw WeightError.marginLevelNotInSample(
            variable: cells.name, level: row.level, step: step, file: margins.file, line: row.line)
        }
        continue
      }
      population[c] = row.total
    }
    if let c = population.indices.first(where: { population[$0] <= 0 }) {
      throw WeightError.sampleLevelNotInMargins(
        variable: cells.name, level: cells.label(c), step: step, file: margins.file, respondents: cells.rows[c])
    }
    self.population = population
    file = margins.file
  }

  /// The population size: the sum of the totals.
  var total: Double { population.reduce(0, +) }
}
