import SurveyCore

/// Numbers the sampling units of one stage, nested in the stage's strata and consecutive within
/// each stratum (at the first stage the strata; at later stages the units of the stage before).
///
/// A unit is a (stratum, id) pair: the same id in two strata names two units (R's `nest = TRUE`).
public struct UnitNumbering: Sendable {
  /// Per row: its unit.
  public var unit: [Int32]
  /// Per stratum h: its units are `start[h] ..< start[h + 1]`.
  public var start: [Int]
  /// Per unit: its stratum.
  public var stratumOfUnit: [Int32]
  /// Per unit: the first row that belongs to it (for its id in messages).
  public var firstRow: [Int32]

  /// Numbers the units of the rows.
  ///
  /// - Parameters:
  ///   - stratum: per row, its stratum in `0 ..< strataCount`.
  ///   - ids: the unit ids (every row present), or nil when every row is its own unit.
  public init(stratum: [Int32], strataCount: Int, ids: GroupCodes?) {
    let rows = stratum.count
    // First, a raw number per distinct (stratum, id) pair, in order of first appearance.
    var raw = [Int32](repeating: 0, count: rows)
    var rawStratum: [Int32] = []
    var rawFirst: [Int32] = []
    if let ids {
      let width = max(ids.levels.count, 1)
      let (slots, overflow) = strataCount.multipliedReportingOverflow(by: width)
      if !overflow, slots <= 1 << 22 {
        var slot = [Int32](repeating: -1, count: slots)
        for row in 0..<rows {
          let key = Int(stratum[row]) * width + Int(ids.codes[row])
          if slot[key] < 0 {
            slot[key] = Int32(rawStratum.count)
            rawStratum.append(stratum[row])
            rawFirst.append(Int32(row))
          }
          raw[row] = slot[key]
        }
      } else {
        var slot: [Int64: Int32] = [:]
        for row in 0..<rows {
          let key = Int64(stratum[row]) << 32 | Int64(ids.codes[row])
          if let known = slot[key] {
            raw[row] = known
          } else {
            slot[key] = Int32(rawStratum.count)
            raw[row] = Int32(rawStratum.count)
            rawStratum.append(stratum[row])
            rawFirst.append(Int32(row))
          }
        }
      }
    } else {
      for row in 0..<rows { raw[row] = Int32(row) }
      rawStratum = stratum
      rawFirst = (0..<rows).map { Int32($0) }
    }
    // Then renumber by stratum (a counting sort), keeping first-appearance order within one.
    var start = [Int](repeating: 0, count: strataCount + 1)
    for h in rawStratum { start[Int(h) + 1] += 1 }
    for h in 0..<strataCount { start[h + 1] += start[h] }
    var next = Array(start.dropLast())
    var renumber = [Int32](repeating: 0, count: rawStratum.count)
    var stratumOfUnit = [Int32](repeating: 0, count: rawStratum.count)
    var firstRow = [Int32](repeating: 0, count: rawStratum.count)
    for (index, h) in rawStratum.enumerated() {
      let number = next[Int(h)]
      renumber[index] = Int32(number)
      stratumOfUnit[number] = h
      firstRow[number] = rawFirst[index]
      next[Int(h)] += 1
    }
    unit = raw.map { renumber[Int($0)] }
    self.start = start
    self.stratumOfUnit = stratumOfUnit
    self.firstRow = firstRow
  }
}
