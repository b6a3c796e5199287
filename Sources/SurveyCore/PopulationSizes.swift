/// The population size N_h of every stratum, read from an fpc column as R's `svydesign` reads it:
/// population counts when any value is above 1, otherwise sampling fractions
/// (N_h = n_h / fraction), decided once for the whole column.
public struct PopulationSizes: Equatable, Sendable {
  /// Per stratum: N_h (0 for a level without rows).
  public var population: [Double]
  /// The fpc column holds sampling fractions rather than counts.
  public var fractions: Bool

  /// Reads the fpc column `name` of `table` for the strata and PSUs of `design`.
  ///
  /// - Parameter finite: refuse infinite values (as non-positive); otherwise an infinite count
  ///   reads as an infinite population.
  /// - Throws: ``DesignProblem`` for an unknown or non-numeric column, a missing or non-positive
  ///   value, a column that mixes fractions and counts, a value that varies within a stratum,
  ///   or a population size below the stratum's number of PSUs.
  public init(column name: String, table: DataTable, design: DesignStrata, finite: Bool) throws(DesignProblem) {
    guard let column = table.column(name) else { throw .unknownColumn(column: name) }
    guard let values = column.numbers else { throw .notNumericFPC(column: name) }
    func place(_ row: Int) -> RowLocation { RowLocation(row: row, in: table) }
    var counts = false
    for row in values.indices {
      guard column.state[row] == .present else { throw .missingValue(column: name, at: place(row)) }
      guard values[row] > 0, !finite || values[row].isFinite else {
        throw .nonPositiveFPC(column: name, at: place(row))
      }
      if values[row] > 1 { counts = true }
    }
    if counts, let row = values.firstIndex(where: { $0 < 1 }) { throw .mixedFPC(column: name, at: place(row)) }
    fractions = !counts
    var firstRow = [Int](repeating: -1, count: design.strataCount)
    for row in values.indices {
      let h = Int(design.stratum[row])
      if firstRow[h] < 0 {
        firstRow[h] = row
      } else if values[row] != values[firstRow[h]] {
        throw .fpcVariesWithinStratum(column: name, stratum: design.label(ofStratum: h), at: place(row))
      }
    }
    population = [Double](repeating: 0, count: design.strataCount)
    for h in population.indices where firstRow[h] >= 0 {
      let sampled = Double(design.sampledPSUs(inStratum: h))
      let value = values[firstRow[h]]
      population[h] = counts ? value : sampled / value
      guard population[h] >= sampled else {
        throw .fpcBelowSampleSize(column: name, stratum: design.label(ofStratum: h), at: place(firstRow[h]))
      }
    }
  }
}
