import SurveyCore

extension ReplicateWeights {
  /// The names of the replicate-weight columns among `names`, in their order: those named
  /// `pattern` followed by digits, or, for a pattern starting with `^`, those it matches (R's
  /// `svrepdesign(repweights = "regex")`).
  ///
  /// - Throws: ``DesignError/invalidReplicatePattern(pattern:)``, ``DesignError/noReplicateColumns(pattern:)``.
  public static func columnNames(matching pattern: String, in names: [String]) throws(DesignError) -> [String] {
    guard let matched = ReplicateSpec.columnNames(matching: pattern, in: names) else {
      throw .invalidReplicatePattern(pattern: pattern)
    }
    if matched.isEmpty { throw .noReplicateColumns(pattern: pattern) }
    return matched
  }

  /// Replicate weights supplied as columns of `table` (full replicate weights, R's
  /// `combined.weights = TRUE`), with R's `svrepdesign` defaults for the scales: BRR 1/R; Fay
  /// 1/(R (1 − ρ)²); bootstrap 1/(R − 1); JK1 (R − 1)/R unless given (R guesses so too, with a
  /// warning, here a note); JKn needs its rscales; `other` 1 and 1 unless given (with a note).
  ///
  /// - Throws: ``DesignError`` for no matching column, a column that is not numeric or lacks a
  ///   value, a replicate weight on a row whose full weight is 0, a scale BRR or Fay do not take,
  ///   JKn without rscales, rscales of the wrong length, a scale that is not a finite number.
  public static func supplied(
    _ spec: ReplicateSpec, table: DataTable, weights: [Double]
  ) throws(DesignError) -> ReplicateWeights {
    let names = try columnNames(matching: spec.columns ?? "", in: table.columns.map(\.name))
    let count = names.count
    var notes: [String] = []
    var scale: Double
    switch spec.method {
    case .brr, .fay:
      if spec.scale != nil { throw .fixedReplicateScale(method: spec.method.description) }
      if case .fay(let rho) = spec.method {
        scale = 1 / (Double(count) * (1 - rho) * (1 - rho))
      } else {
        scale = 1 / Double(count)
      }
    case .bootstrap: scale = spec.scale ?? 1 / Double(count - 1)
    case .jk1:
      scale = spec.scale ?? Double(count - 1) / Double(count)
      if spec.scale == nil { notes.append("jk1 replicate weights without --rep-scale: scale (n-1)/n taken with n = \(count) replicates, as R guesses") }
    case .jkn:
      scale = spec.scale ?? 1
      if spec.rscales == nil { throw .replicateRScalesNeeded }
    case .other:
      scale = spec.scale ?? 1
      if spec.scale == nil || spec.rscales == nil { notes.append("'other' replicate weights without a scale or rscales: those missing are 1, as in R") }
    }
    var rscales = spec.rscales ?? [Double](repeating: 1, count: count)
    if rscales.count == 1 { rscales = [Double](repeating: rscales[0], count: count) }
    guard rscales.count == count else {
      throw .replicateRScalesCount(given: rscales.count, columns: count, file: spec.rscalesFile)
    }
    guard scale.isFinite, scale >= 0, rscales.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
      throw .invalidReplicateScale(columns: count)
    }
    let rows = table.rowCount
    var factors = [Double](repeating: 0, count: count * rows)
    for (r, name) in names.enumerated() {
      guard let column = table.column(name) else { throw .unknownColumn(column: name) }
      guard let values = column.numbers else { throw .notNumeric(column: name) }
      for row in 0..<rows {
        guard column.state[row] == .present, values[row].isFinite else {
          throw .missingValue(column: name, at: RowLocation(row: row, in: table))
        }
        if values[row] < 0 { throw .negativeWeight(column: name, at: RowLocation(row: row, in: table)) }
        if weights[row] == 0, values[row] != 0 {
          throw .replicateWeightWithoutWeight(column: name, at: RowLocation(row: row, in: table))
        }
        factors[row * count + r] = weights[row] != 0 ? values[row] / weights[row] : 0
      }
    }
    return ReplicateWeights(
      method: spec.method, scale: scale, rscales: rscales, mse: spec.mse, unitOfRow: (0..<Int32(rows)).map { $0 },
      unitCount: rows, factors: factors, unitIsRow: true, notes: notes, origin: "supplied as columns")
  }
}
