import SurveyCore

/// The domains of a table: the level combinations of its by-variables, and for every row the
/// domain it belongs to.
///
/// A domain exists when its combination occurs on a row with a nonzero weight; rows with a
/// missing by-value or weight 0 are in no domain. Domains are ordered by level, the first
/// by-variable varying slowest. With no by-variables there is one domain: the whole sample.
///
/// Rows are also grouped into cells, one per (domain, unit) pair that has rows, a unit being a
/// PSU (or, for a multistage design with fpcs, a unit of the last stage): estimates add up rows
/// cell by cell, and cells are laid out domain by domain, units in order within one.
public struct Domains: Sendable {
  /// The by-variables.
  public let variables: [String]
  /// Per domain: the level of each by-variable, in the order of ``variables``.
  public let levels: [[String]]
  /// Per row: its domain, or -1.
  let rowDomain: [Int32]
  /// Per row: its cell, or -1.
  let rowCell: [Int32]
  /// Per domain d: its cells are `cellStart[d] ..< cellStart[d + 1]`.
  let cellStart: [Int]
  /// Per cell: its unit.
  let cellUnit: [Int32]

  /// The number of domains.
  public var count: Int { levels.count }

  /// The number of rows in some domain (with a weight, a by-level, and in the subset).
  public var rowsInDomains: Int { rowDomain.lazy.filter { $0 >= 0 }.count }

  init(variables: [String], levels: [[String]], rowDomain: [Int32], estimator: Estimator) {
    self.variables = variables
    self.levels = levels
    self.rowDomain = rowDomain
    let cells = Self.cells(
      rowDomain: rowDomain, domainCount: levels.count, psu: estimator.unitOfRow, psuCount: estimator.unitCount)
    rowCell = cells.rowCell
    cellStart = cells.start
    cellUnit = cells.psu
  }

  /// Numbers the (domain, unit) pairs that have rows: two counting passes over the rows taken
  /// unit by unit, so that each domain's cells come out in unit order.
  static func cells(
    rowDomain: [Int32], domainCount: Int, psu: [Int32], psuCount: Int
  ) -> (rowCell: [Int32], start: [Int], psu: [Int32]) {
    let rows = rowDomain.count
    var rowStart = [Int](repeating: 0, count: psuCount + 1)
    for row in 0..<rows where rowDomain[row] >= 0 { rowStart[Int(psu[row]) + 1] += 1 }
    for c in 0..<psuCount { rowStart[c + 1] += rowStart[c] }
    var byPSU = [Int32](repeating: 0, count: rowStart[psuCount])
    var next = Array(rowStart.dropLast())
    for row in 0..<rows where rowDomain[row] >= 0 {
      byPSU[next[Int(psu[row])]] = Int32(row)
      next[Int(psu[row])] += 1
    }
    var lastPSU = [Int32](repeating: -1, count: domainCount)
    var start = [Int](repeating: 0, count: domainCount + 1)
    for c in 0..<psuCount {
      for index in rowStart[c]..<rowStart[c + 1] {
        let d = Int(rowDomain[Int(byPSU[index])])
        if lastPSU[d] != Int32(c) {
          lastPSU[d] = Int32(c)
          start[d + 1] += 1
        }
      }
    }
    for d in 0..<domainCount { start[d + 1] += start[d] }
    var nextCell = Array(start.dropLast())
    var currentCell = [Int32](repeating: -1, count: domainCount)
    var cellPSU = [Int32](repeating: 0, count: start[domainCount])
    var rowCell = [Int32](repeating: -1, count: rows)
    for d in 0..<domainCount { lastPSU[d] = -1 }
    for c in 0..<psuCount {
      for index in rowStart[c]..<rowStart[c + 1] {
        let row = Int(byPSU[index])
        let d = Int(rowDomain[row])
        if lastPSU[d] != Int32(c) {
          lastPSU[d] = Int32(c)
          currentCell[d] = Int32(nextCell[d])
          cellPSU[nextCell[d]] = Int32(c)
          nextCell[d] += 1
        }
        rowCell[row] = currentCell[d]
      }
    }
    return (rowCell, start, cellPSU)
  }
}

extension Estimator {
  /// The domains defined by `variables` (any column but a multi-select; none = the whole sample),
  /// among the rows where `subset` is true (R's `subset(design, …)`: rows where it is false or
  /// unknown are in no domain, but the design keeps its strata and PSUs, so the estimates are
  /// those of a domain of the full design).
  ///
  /// - Throws: ``TabulateError/unknownColumn(column:)``, ``TabulateError/ungroupable(column:)``,
  ///   ``TabulateError/tooManyDomains(variables:)`` when the level combinations cannot be
  ///   numbered in 64 bits, or ``TabulateError/invalidSubset(expression:problem:)``.
  public func domains(by variables: [String], subset: Expression? = nil) throws -> Domains {
    let rows = table.rowCount
    let included = try subsetRows(subset)
    guard !variables.isEmpty else {
      let rowDomain = weights.indices.map { weights[$0] != 0 && included?[$0] != false ? Int32(0) : -1 }
      return Domains(variables: [], levels: [[]], rowDomain: rowDomain, estimator: self)
    }
    var groups: [GroupCodes] = []
    for name in variables {
      guard let column = table.column(name) else { throw TabulateError.unknownColumn(column: name) }
      guard let group = GroupCodes(column) else { throw TabulateError.ungroupable(column: name) }
      groups.append(group)
    }
    // Mixed-radix key of a row's combination, the first variable most significant.
    let radix = groups.map { Int64(max($0.levels.count, 1)) }
    var combinations: Int64 = 1
    for size in radix {
      let (product, overflow) = combinations.multipliedReportingOverflow(by: size)
      guard !overflow else { throw TabulateError.tooManyDomains(variables: variables) }
      combinations = product
    }
    var keys = [Int64](repeating: -1, count: rows)
    rowLoop: for row in 0..<rows where weights[row] != 0 && included?[row] != false {
      var key: Int64 = 0
      for (index, group) in groups.enumerated() {
        let code = group.codes[row]
        if code < 0 { continue rowLoop }
        key = key * radix[index] + Int64(code)
      }
      keys[row] = key
    }
    let present: [Int64]
    let rowDomain: [Int32]
    if combinations <= 1 << 22 {
      var domainOfKey = [Int32](repeating: -1, count: Int(combinations))
      for key in keys where key >= 0 { domainOfKey[Int(key)] = 0 }
      present = domainOfKey.indices.filter { domainOfKey[$0] == 0 }.map { Int64($0) }
      for (index, key) in present.enumerated() { domainOfKey[Int(key)] = Int32(index) }
      rowDomain = keys.map { $0 >= 0 ? domainOfKey[Int($0)] : -1 }
    } else {
      present = Array(Set(keys.filter { $0 >= 0 })).sorted()
      var domainOfKey: [Int64: Int32] = [:]
      for (index, key) in present.enumerated() { domainOfKey[key] = Int32(index) }
      rowDomain = keys.map { $0 >= 0 ? domainOfKey[$0]! : -1 }
    }
    let levels = present.map { key -> [String] in
      var remaining = key
      var codes = [Int](repeating: 0, count: groups.count)
      for index in groups.indices.reversed() {
        codes[index] = Int(remaining % radix[index])
        remaining /= radix[index]
      }
      return groups.indices.map { groups[$0].levels[codes[$0]] }
    }
    return Domains(variables: variables, levels: levels, rowDomain: rowDomain, estimator: self)
  }
}

extension Estimator {
  /// Per row: whether `subset` is true there (nil without a subset).
  func subsetRows(_ subset: Expression?) throws -> [Bool]? {
    guard let subset else { return nil }
    do {
      return try subset.evaluate(in: table).map { $0 == .yes }
    } catch let error as ExpressionEvaluationError {
      throw TabulateError.invalidSubset(expression: subset.description, problem: "the data has no column '\(error.variable)'")
    }
  }
}
