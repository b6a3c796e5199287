import SurveyCore

/// The finite population correction per stratum, f_h = (N_h − n_h)/N_h, from an fpc column.
enum FiniteCorrection {
  /// Reads the fpc column as R's `svydesign` does: population counts when any value is above 1,
  /// otherwise sampling fractions (N_h = n_h / fraction), decided once for the whole column.
  ///
  /// - Parameters:
  ///   - column: the fpc column, or nil for none (f_h = 1: sampling with replacement).
  ///   - stratum: per row, its stratum.
  ///   - strataLabels: the strata texts for messages (nil when the design has no strata).
  ///   - psuStart: per stratum, where its PSUs start (n_h = the difference of neighbours).
  /// - Throws: ``TabulateError`` for a non-numeric column, a missing or non-positive value, a
  ///   column that mixes fractions and counts, a value that varies within a stratum, or a
  ///   population size below the stratum's number of PSUs.
  static func resolve(
    column name: String?, table: DataTable, stratum: [Int32], strataLabels: [String]?, psuStart: [Int]
  ) throws -> [Double] {
    let strataCount = psuStart.count - 1
    guard let name else { return [Double](repeating: 1, count: strataCount) }
    guard let column = table.column(name) else { throw TabulateError.unknownColumn(column: name) }
    guard let values = column.numbers else { throw TabulateError.notNumericDesign(column: name) }
    var counts = false
    for row in values.indices {
      guard column.state[row] == .present else {
        throw TabulateError.missingDesignValue(column: name, at: .init(row: row, in: table))
      }
      guard values[row] > 0 else { throw TabulateError.nonPositiveFPC(column: name, at: .init(row: row, in: table)) }
      if values[row] > 1 { counts = true }
    }
    if counts, let row = values.firstIndex(where: { $0 < 1 }) {
      throw TabulateError.mixedFPC(column: name, at: .init(row: row, in: table))
    }
    var firstRow = [Int](repeating: -1, count: strataCount)
    for row in values.indices {
      let h = Int(stratum[row])
      if firstRow[h] < 0 {
        firstRow[h] = row
      } else if values[row] != values[firstRow[h]] {
        throw TabulateError.fpcVariesWithinStratum(
          column: name, stratum: strataLabels?[h], at: .init(row: row, in: table))
      }
    }
    var correction = [Double](repeating: 1, count: strataCount)
    for h in 0..<strataCount where firstRow[h] >= 0 {
      let sampled = Double(psuStart[h + 1] - psuStart[h])
      let value = values[firstRow[h]]
      let population = counts ? value : sampled / value
      guard population >= sampled else {
        throw TabulateError.fpcBelowSampleSize(
          column: name, stratum: strataLabels?[h], at: .init(row: firstRow[h], in: table))
      }
      correction[h] = population.isInfinite ? 1 : (population - sampled) / population
    }
    return correction
  }
}
