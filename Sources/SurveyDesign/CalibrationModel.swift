/// The model matrix of a calibration, in R's basis: an intercept, then for each term the
/// indicators of its levels but the first (treatment contrasts) or a numeric variable's values.
///
/// A joint variable `a:b` brings the terms `a`, `b` and `a:b`, as R's formula `~a*b` does, so
/// that the columns span every cell of the joint table. Terms are ordered as R orders them:
/// by the number of variables, then by first appearance. Column names follow R's
/// (`stypeH`, `stypeH:sch.wideYes`, `api99`).
public struct CalibrationModel: Sendable {
  /// A categorical calibration variable: per row its level (−1 where it has none), and the
  /// levels that occur in the sample, in order (the first is the reference).
  public struct Factor: Sendable {
    public let name: String
    public let codes: [Int32]
    public let levels: [String]

    public init(name: String, codes: [Int32], levels: [String]) {
      self.name = name
      self.codes = codes
      self.levels = levels
    }
  }

  /// A numeric calibration variable.
  public struct Numeric: Sendable {
    public let name: String
    public let values: [Double]

    public init(name: String, values: [Double]) {
      self.name = name
      self.values = values
    }
  }

  /// What a column of the model matrix holds.
  public enum Term: Sendable, Equatable {
    /// 1 on every row.
    case intercept
    /// 1 where every factor listed is at its level (levels index ``Factor/levels``, never 0).
    case indicator(factors: [Int], levels: [Int32])
    /// The values of a numeric variable.
    case numeric(Int)
  }

  /// A calibration variable as the user names it: one categorical variable, the joint cells of
  /// several (indices into ``factors``), or a numeric variable (index into ``numerics``).
  public enum Variable: Sendable, Equatable {
    case categorical([Int])
    case numeric(Int)
  }

  public let factors: [Factor]
  public let numerics: [Numeric]
  /// The model matrix's columns, in order.
  public let terms: [Term]
  /// R's name of each column.
  public let names: [String]

  /// The model of `variables`, in their order.
  public init(factors: [Factor], numerics: [Numeric], variables: [Variable]) {
    self.factors = factors
    self.numerics = numerics
    // Every term set with the variable entry it first appeared in: a joint variable brings all
    // its non-empty subsets (R's `*`).
    var sets: [(factors: [Int], numeric: Int?, order: Int)] = []
    for (order, variable) in variables.enumerated() {
      switch variable {
      case .numeric(let index):
        if !sets.contains(where: { $0.numeric == index }) { sets.append(([], index, order)) }
      case .categorical(let members):
        for mask in 1..<(1 << members.count) {
          let subset = members.indices.filter { mask & (1 << $0) != 0 }.map { members[$0] }
          if !sets.contains(where: { $0.numeric == nil && Set($0.factors) == Set(subset) }) {
            sets.append((subset, nil, order))
          }
        }
      }
    }
    let ordered = sets.enumerated().sorted { a, b in
      let sizeA = max(1, a.element.factors.count)
      let sizeB = max(1, b.element.factors.count)
      return sizeA != sizeB ? sizeA < sizeB : a.offset < b.offset
    }.map(\.element)
    var terms: [Term] = [.intercept]
    var names = ["(Intercept)"]
    for set in ordered {
      if let index = set.numeric {
        terms.append(.numeric(index))
        names.append(numerics[index].name)
        continue
      }
      for combination in Self.levelCombinations(set.factors.map { factors[$0].levels.count }) {
        terms.append(.indicator(factors: set.factors, levels: combination))
        names.append(
          zip(set.factors, combination).map { factors[$0].name + factors[$0].levels[Int($1)] }.joined(separator: ":"))
      }
    }
    self.terms = terms
    self.names = names
  }

  /// The number of columns.
  public var count: Int { terms.count }

  /// Row `row` of the model matrix, written into `buffer` (``count`` values).
  @inline(__always)
  public func features(row: Int, into buffer: inout [Double]) {
    for (column, term) in terms.enumerated() {
      switch term {
      case .intercept:
        buffer[column] = 1
      case .numeric(let index):
        buffer[column] = numerics[index].values[row]
      case .indicator(let members, let levels):
        var hit = true
        for (member, level) in zip(members, levels) where factors[member].codes[row] != level {
          hit = false
          break
        }
        buffer[column] = hit ? 1 : 0
      }
    }
  }

  /// Every combination of levels 1 ..< count of each factor, the first factor varying fastest.
  static func levelCombinations(_ counts: [Int]) -> [[Int32]] {
    guard counts.allSatisfy({ $0 > 1 }) else { return [] }
    var result: [[Int32]] = []
    var current = [Int32](repeating: 1, count: counts.count)
    while true {
      result.append(current)
      var position = 0
      while position < counts.count {
        current[position] += 1
        if current[position] < Int32(counts[position]) { break }
        current[position] = 1
        position += 1
      }
      if position == counts.count { return result }
    }
  }
}

extension CalibrationModel {
  /// The model with only the columns `columns` (indices, in order).
  public func keeping(columns: [Int]) -> CalibrationModel {
    CalibrationModel(factors: factors, numerics: numerics, terms: columns.map { terms[$0] }, names: columns.map { names[$0] })
  }

  init(factors: [Factor], numerics: [Numeric], terms: [Term], names: [String]) {
    self.factors = factors
    self.numerics = numerics
    self.terms = terms
    self.names = names
  }
}

extension CalibrationModel {
  /// For a model of categorical variables alone: the distinct rows of the model matrix among the
  /// rows where `included` holds, as cells (rows with the same levels share a cell and so their
  /// calibration factor). Per row its cell (−1 where not included), and per cell its model-matrix
  /// row (row-major). Nil when the model has a numeric variable.
  public func cells(included: (Int) -> Bool, rows: Int) -> (cell: [Int32], features: [Double])? {
    guard numerics.isEmpty else { return nil }
    let radix = factors.map { Int64($0.levels.count + 1) }
    var index: [Int64: Int32] = [:]
    var cell = [Int32](repeating: -1, count: rows)
    var features: [Double] = []
    var buffer = [Double](repeating: 0, count: count)
    var lastKey: Int64 = -1
    var lastCell: Int32 = -1
    for row in 0..<rows where included(row) {
      var key: Int64 = 0
      for (f, factor) in factors.enumerated() { key = key * radix[f] + Int64(factor.codes[row] + 1) }
      if key == lastKey {
        cell[row] = lastCell
        continue
      }
      let number: Int32
      if let known = index[key] {
        number = known
      } else {
        number = Int32(index.count)
        index[key] = number
        self.features(row: row, into: &buffer)
        features += buffer
      }
      cell[row] = number
      lastKey = key
      lastCell = number
    }
    return (cell, features)
  }
}
