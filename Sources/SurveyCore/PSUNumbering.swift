/// Numbers the PSUs of a design, nested in strata and consecutive within each stratum.
public struct PSUNumbering: Sendable {
  /// Per row: its PSU.
  public var psu: [Int32]
  /// Per stratum h: its PSUs are `start[h] ..< start[h + 1]`.
  public var start: [Int]
  /// Per PSU: its stratum.
  public var stratumOfPSU: [Int32]

  /// Numbers the PSUs of the rows.
  ///
  /// - Parameters:
  ///   - stratum: per row, its stratum in `0 ..< strataCount`.
  ///   - ids: the PSU ids (every row present), or nil when every row is its own PSU.
  public init(stratum: [Int32], strataCount: Int, ids: GroupCodes?) {
    let rows = stratum.count
    // First, a raw number per distinct (stratum, id) pair, in order of first appearance.
    var raw = [Int32](repeating: 0, count: rows)
    var rawStratum: [Int32] = []
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
          }
        }
      }
    } else {
      for row in 0..<rows { raw[row] = Int32(row) }
      rawStratum = stratum
    }
    // Then renumber by stratum (a counting sort), keeping first-appearance order within one.
    var start = [Int](repeating: 0, count: strataCount + 1)
    for h in rawStratum { start[Int(h) + 1] += 1 }
    for h in 0..<strataCount { start[h + 1] += start[h] }
    var next = Array(start.dropLast())
    var renumber = [Int32](repeating: 0, count: rawStratum.count)
    var stratumOfPSU = [Int32](repeating: 0, count: rawStratum.count)
    for (index, h) in rawStratum.enumerated() {
      renumber[index] = Int32(next[Int(h)])
      stratumOfPSU[next[Int(h)]] = h
      next[Int(h)] += 1
    }
    psu = raw.map { renumber[Int($0)] }
    self.start = start
    self.stratumOfPSU = stratumOfPSU
  }
}
