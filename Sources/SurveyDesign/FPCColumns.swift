import SurveyCore

/// The fpc columns of a design, read as R's `svydesign` reads them: population counts when any
/// value of any fpc column is above 1, otherwise sampling fractions (N = n / fraction), decided
/// once for all stages.
struct FPCColumns {
  let names: [String]
  let values: [[Double]]
  let fractions: Bool

  /// Reads and checks every fpc column: numeric, present, positive and finite, not mixing
  /// fractions with counts.
  init(names: [String], table: DataTable) throws(DesignError) {
    self.names = names
    var values: [[Double]] = []
    var counts = false
    for name in names {
      guard let column = table.column(name) else { throw .unknownColumn(column: name) }
      guard let numbers = column.numbers else { throw .notNumeric(column: name) }
      for row in numbers.indices {
        guard column.state[row] == .present else {
          throw .missingValue(column: name, at: RowLocation(row: row, in: table))
        }
        guard numbers[row] > 0, numbers[row].isFinite else {
          throw .nonPositive(column: name, at: RowLocation(row: row, in: table))
        }
        if numbers[row] > 1 { counts = true }
      }
      values.append(numbers)
    }
    if counts {
      for (index, numbers) in values.enumerated() {
        if let row = numbers.firstIndex(where: { $0 < 1 }) {
          throw .mixedFPC(column: names[index], at: RowLocation(row: row, in: table))
        }
      }
    }
    self.values = values
    fractions = !counts
  }

  /// N per stratum of stage `stage`, nil without fpc columns.
  func population(
    stage: Int, rowStratum: [Int32], units: UnitNumbering, labels: [String]?, table: DataTable
  ) throws(DesignError) -> [Double]? {
    guard stage <= values.count else { return nil }
    let name = names[stage - 1]
    let column = values[stage - 1]
    let strataCount = units.start.count - 1
    var firstRow = [Int](repeating: -1, count: strataCount)
    for row in column.indices {
      let h = Int(rowStratum[row])
      if firstRow[h] < 0 {
        firstRow[h] = row
      } else if column[row] != column[firstRow[h]] {
        throw .fpcVariesWithinStratum(
          column: name, stage: stage, stratum: labels?[h], at: RowLocation(row: row, in: table))
      }
    }
    var population = [Double](repeating: 0, count: strataCount)
    for h in population.indices where firstRow[h] >= 0 {
      let sampled = Double(units.start[h + 1] - units.start[h])
      let value = column[firstRow[h]]
      population[h] = fractions ? sampled / value : value
      guard population[h] >= sampled else {
        throw .fpcBelowSampleSize(
          column: name, stage: stage, stratum: labels?[h], at: RowLocation(row: firstRow[h], in: table))
      }
    }
    return population
  }
}
