import SurveyCore

/// The strata of a design with their sampled PSU counts n_h and population sizes N_h from the
/// fpc column, read as R's `svydesign` reads them.
struct PopulationSizes {
  /// Per row: its stratum.
  var stratum: [Int32]
  /// Per stratum: the number of distinct PSUs (nested in the stratum) among all rows.
  var sampled: [Int]
  /// Per stratum: N_h (0 for a level without rows).
  var population: [Double]
  /// The fpc column holds sampling fractions rather than counts.
  var fractions: Bool

  /// - Throws: ``WeightError`` for a missing or non-numeric column, a row without stratum, PSU
  ///   or fpc, a non-positive fpc, fractions mixed with counts, an fpc that varies within a
  ///   stratum, or a population below the stratum's number of PSUs.
  init(table: DataTable, strata: String?, psu: String?, fpc name: String) throws {
    let strataGroups = try Self.groups(strata, in: table)
    let ids = try Self.groups(psu, in: table)
    let strataCount = strataGroups?.levels.count ?? 1
    stratum = strataGroups?.codes ?? [Int32](repeating: 0, count: table.rowCount)
    sampled = Self.countPSUs(stratum: stratum, strataCount: strataCount, ids: ids)

    guard let column = table.column(name) else { throw WeightError.unknownColumn(column: name) }
    guard let values = column.numbers else { throw WeightError.notNumeric(column: name) }
    var counts = false
    for row in values.indices {
      guard column.state[row] == .present else {
        throw WeightError.missingValue(column: name, at: .init(row: row, in: table))
      }
      guard values[row] > 0, values[row].isFinite else {
        throw WeightError.nonPositive(column: name, at: .init(row: row, in: table))
      }
      if values[row] > 1 { counts = true }
    }
    if counts, let row = values.firstIndex(where: { $0 < 1 }) {
      throw WeightError.mixedFPC(column: name, at: .init(row: row, in: table))
    }
    fractions = !counts
    var firstRow = [Int](repeating: -1, count: strataCount)
    for row in values.indices {
      let h = Int(stratum[row])
      if firstRow[h] < 0 {
        firstRow[h] = row
      } else if values[row] != values[firstRow[h]] {
        throw WeightError.fpcVariesWithinStratum(
          column: name, stratum: strataGroups?.levels[h], at: .init(row: row, in: table))
      }
    }
    population = [Double](repeating: 0, count: strataCount)
    for h in 0..<strataCount where firstRow[h] >= 0 {
      let value = values[firstRow[h]]
      population[h] = counts ? value : Double(sampled[h]) / value
      guard population[h] >= Double(sampled[h]) else {
        throw WeightError.fpcBelowSampleSize(
          column: name, stratum: strataGroups?.levels[h], at: .init(row: firstRow[h], in: table))
      }
    }
  }

  /// The strata or PSU column `name` as groups, nil when the design has none; every row needs a value.
  static func groups(_ name: String?, in table: DataTable) throws -> GroupCodes? {
    guard let name else { return nil }
    guard let column = table.column(name) else { throw WeightError.unknownColumn(column: name) }
    guard let groups = GroupCodes(column) else { throw WeightError.ungroupable(column: name) }
    if let row = groups.codes.firstIndex(of: -1) {
      throw WeightError.missingValue(column: name, at: .init(row: row, in: table))
    }
    return groups
  }

  /// The number of distinct PSU ids per stratum (every row its own PSU when `ids` is nil).
  static func countPSUs(stratum: [Int32], strataCount: Int, ids: GroupCodes?) -> [Int] {
    var sampled = [Int](repeating: 0, count: strataCount)
    guard let ids else {
      for h in stratum { sampled[Int(h)] += 1 }
      return sampled
    }
    let width = max(ids.levels.count, 1)
    let (slots, overflow) = strataCount.multipliedReportingOverflow(by: width)
    if !overflow, slots <= 1 << 22 {
      var seen = [Bool](repeating: false, count: slots)
      for row in stratum.indices {
        let key = Int(stratum[row]) * width + Int(ids.codes[row])
        if !seen[key] {
          seen[key] = true
          sampled[Int(stratum[row])] += 1
        }
      }
    } else {
      var seen = Set<Int64>()
      for row in stratum.indices where seen.insert(Int64(stratum[row]) << 32 | Int64(ids.codes[row])).inserted {
        sampled[Int(stratum[row])] += 1
      }
    }
    return sampled
  }
}
