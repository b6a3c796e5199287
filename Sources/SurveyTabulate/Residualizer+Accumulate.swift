extension Residualizer {
  /// Adds row `row`'s contributions to the sums of two estimates at once: `a` to `first` and `b`
  /// to `second` (such as w and w·y), each times the row's u h for every kind.
  @inline(__always)
  func add(row: Int, _ a: Double, _ b: Double, into first: inout Sums, _ second: inout Sums, buffer: inout [Double]) {
    for (s, source) in sources.enumerated() {
      let c = Int(source.cell[row])
      if c < 0 { continue }
      let scale = source.rowScale?[row] ?? 1
      first.sources[s][c] += scale * a
      second.sources[s][c] += scale * b
    }
    for (k, kind) in kinds.enumerated() {
      guard case .dense(let model, let u, _) = kind, u[row] != 0 else { continue }
      model.features(row: row, into: &buffer)
      let scale = u[row]
      for j in 0..<model.count where buffer[j] != 0 {
        first.dense[k][j] += buffer[j] * scale * a
        second.dense[k][j] += buffer[j] * scale * b
      }
    }
  }

  /// `(left − factor · right) / divisor`, element by element (the sums of a mean's influence
  /// values from those of w·y and w).
  static func combine(_ left: Sums, _ right: Sums, factor: Double, divisor: Double) -> Sums {
    func mix(_ l: [Double], _ r: [Double]) -> [Double] { zip(l, r).map { ($0 - factor * $1) / divisor } }
    return Sums(sources: zip(left.sources, right.sources).map(mix), dense: zip(left.dense, right.dense).map(mix))
  }

  /// The largest feature count of a dense kind (the buffer size `add` needs).
  var bufferSize: Int { kinds.map { if case .dense(let model, _, _) = $0 { return model.count } else { return 0 } }.max() ?? 0 }
}
