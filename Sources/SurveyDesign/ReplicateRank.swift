/// The rank of a set of replicate-weight vectors (one entry per replicate), built up one vector at
/// a time: R's `qr(weights(design, "analysis"), tol = 1e-5)$rank`, from which `degf` subtracts 1.
///
/// Each new vector is orthogonalised against the basis kept so far (modified Gram–Schmidt, twice
/// for accuracy); it adds to the rank when more than 1e-5 of its length is left, R's tolerance.
/// A vector equal to one already seen (after scaling to a largest entry of 1) is skipped at once,
/// so the rows of a PSU, or the rows of a supplied design that repeat a PSU's pattern, cost one
/// hash each. A vector with an entry that is not a finite number (a replicate whose replayed
/// post-stratum was left empty, whose estimates are left out) is skipped; R stops there.
struct ReplicateRank {
  /// R's tolerance of `qr` in `degf`.
  static let tolerance = 1e-5

  let replicates: Int
  /// Orthonormal basis vectors, each `replicates` long, one after another.
  private var basis: [Double] = []
  private var seen = Set<[Int64]>()
  private var vector: [Double]
  private(set) var rank = 0

  init(replicates: Int) {
    self.replicates = replicates
    vector = [Double](repeating: 0, count: replicates)
  }

  /// Whether no further vector can add to the rank.
  var isFull: Bool { rank >= replicates }

  /// Adds the vector whose entry r is `entry(r)`.
  mutating func add(_ entry: (Int) -> Double) {
    var largest = 0.0
    for r in 0..<replicates {
      vector[r] = entry(r)
      // A weight that is not a number (a replayed post-stratum left empty) adds nothing.
      guard vector[r].isFinite else { return }
      largest = max(largest, abs(vector[r]))
    }
    guard largest > 0 else { return }
    // A key that rounds away the last bits, so scaled copies of one pattern meet.
    let key = vector.map { Int64(($0 / largest * 0x1p40).rounded()) }
    guard seen.insert(key).inserted else { return }
    var norm = 0.0
    for r in 0..<replicates {
      vector[r] /= largest
      norm += vector[r] * vector[r]
    }
    let original = norm.squareRoot()
    for _ in 0..<2 {
      for k in 0..<rank {
        var dot = 0.0
        for r in 0..<replicates { dot += basis[k * replicates + r] * vector[r] }
        for r in 0..<replicates { vector[r] -= dot * basis[k * replicates + r] }
      }
    }
    var left = 0.0
    for r in 0..<replicates { left += vector[r] * vector[r] }
    left = left.squareRoot()
    guard left > Self.tolerance * original else { return }
    for r in 0..<replicates { basis.append(vector[r] / left) }
    rank += 1
  }
}
