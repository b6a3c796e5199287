import SurveyCore

/// Replicate weights row by row: each replicate's weights of the rows, and replicates whose
/// weights were changed row by row (the weighting steps replayed on each).
extension ReplicateWeights {
  /// The same replicates with each replicate's weights of every row given (the weighting steps
  /// applied replicate by replicate): `weights(r)` is replicate r's weight per row, `final` the
  /// full-sample weights they are expressed against.
  ///
  /// - Throws: what `weights` throws for the first replicate that fails.
  public func reweighted(
    final: [Double], weights: @Sendable (Int) throws -> [Double]
  ) throws -> ReplicateWeights {
    let rows = final.count
    var factors = [Double](repeating: 0, count: count * rows)
    // Eight replicates at a time, made on every core, so that each row's eight factors fill one
    // cache line.
    for first in stride(from: 0, to: count, by: 8) {
      let block = try Parallel.map(min(8, count - first)) { try weights(first + $0) }
      for row in 0..<rows where final[row] != 0 {
        for (k, replicate) in block.enumerated() { factors[row * count + first + k] = replicate[row] / final[row] }
      }
    }
    var result = ReplicateWeights(
      method: method, scale: scale, rscales: rscales, mse: mse, unitOfRow: (0..<Int32(rows)).map { $0 },
      unitCount: rows, factors: factors, unitIsRow: true, notes: notes, origin: origin + ", the weighting replayed on each")
    if let jackknife, !unitIsRow {
      result.jackknife = jackknife
      result.jackknifePSU = unitOfRow
    }
    return result
  }

  /// Replicate r's weight of every row, from the row weights `weights` the factors apply to.
  public func replicateWeights(_ r: Int, of weights: [Double]) -> [Double] {
    weights.indices.map { weights[$0] * factor(replicate: r, unit: Int(unitOfRow[$0])) }
  }
}
