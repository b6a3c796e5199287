/// A Hadamard matrix in 0/1 form (1 for +1, 0 for −1) with a first row of ones, chosen as R's
/// `survey:::hadamard(n)` chooses it for BRR with n strata pairs, so that replicate k of a BRR or
/// Fay design is R's replicate k.
///
/// R picks, in this order: a stored matrix of order 4, 16, 28 or 36 when the order is the next
/// multiple of 4 above n; otherwise, of the orders 4, 16, 28 and 36 doubled until they exceed n,
/// the smallest, built by Paley's construction when that leaves more than 4 spare rows and
/// Paley can (`survey:::paley`), else by doubling (Sylvester's `[H H; H 1−H]`). The stored 4 and 16
/// are Sylvester's matrices, built here the same way. For 28 and 36 (and their doublings), R's
/// stored matrices are not rebuilt here: Paley's second construction gives Hadamard matrices of
/// those orders, with the same number of replicates and full orthogonal balance, so totals have
/// R's variance exactly, while the SEs of nonlinear estimates (means, ratios, above all of
/// domains) can differ from R's by several percent. The design's notes and docs/statistics.md
/// say so.
public struct HadamardMatrix: Sendable, Equatable {
  /// The order.
  public let order: Int
  /// Row-major entries, 0 or 1.
  public let entries: [UInt8]

  /// Entry (row, column), from 0.
  public subscript(row: Int, column: Int) -> UInt8 { entries[row * order + column] }

  init(order: Int, entries: [UInt8]) {
    precondition(entries.count == order * order)
    self.order = order
    self.entries = entries
  }

  /// The matrix R's `hadamard(n)` chooses for n strata pairs.
  public static func forPairs(_ n: Int) -> HadamardMatrix { choice(n).matrix }

  /// Whether, for n pairs, R reads its stored matrix of order 28 or 36 (possibly doubled), which
  /// survey-pipe builds by Paley's second construction instead: replicate k is then not R's.
  public static func differsFromR(pairs n: Int) -> Bool { choice(n).stored.map { $0 >= 28 } ?? false }

  /// R's choice for n pairs, with the order of the stored matrix it starts from (nil: Paley).
  static func choice(_ n: Int) -> (matrix: HadamardMatrix, stored: Int?) {
    let stored = [4, 16, 28, 36]
    let m = n - n % 4
    if let size = stored.first(where: { m < $0 && m + 4 >= $0 }) { return (storedMatrix(size), size) }
    if stored.allSatisfy({ m < $0 }) { return (storedMatrix(4), 4) }
    let sizes = stored.map { base -> Int in
      var size = base
      while size < n + 1 { size *= 2 }
      return size
    }
    guard let best = sizes.indices.min(by: { sizes[$0] - n < sizes[$1] - n }) else { return (storedMatrix(4), 4) }
    if sizes[best] - n > 4, let paley = paley(n, limit: sizes[best]) { return (paley, nil) }
    var matrix = storedMatrix(stored[best])
    while matrix.order < sizes[best] { matrix = matrix.doubled() }
    return (matrix, stored[best])
  }

  /// The stored orders: Sylvester's 4 and 16 (R's stored ones), Paley II for 28 and 36.
  static func storedMatrix(_ order: Int) -> HadamardMatrix {
    switch order {
    case 4: return sylvester(4)
    case 16: return sylvester(16)
    case 28: return paleyTwo(prime: 13)
    default: return paleyTwo(prime: 17)
    }
  }

  /// Sylvester's matrix of order `order` (a power of 2): [1] doubled.
  static func sylvester(_ order: Int) -> HadamardMatrix {
    var matrix = HadamardMatrix(order: 1, entries: [1])
    while matrix.order < order { matrix = matrix.doubled() }
    return matrix
  }

  /// [H H; H 1−H], R's `hadamard.doubler`.
  func doubled() -> HadamardMatrix {
    let size = order * 2
    var result = [UInt8](repeating: 0, count: size * size)
    for i in 0..<size {
      for j in 0..<size {
        let value = self[i % order, j % order]
        result[i * size + j] = i >= order && j >= order ? 1 - value : value
      }
    }
    return HadamardMatrix(order: size, entries: result)
  }

  /// Primes p ≡ 3 (mod 4) up to 7919, R's `small.primes` in `paley`.
  static let paleyPrimes: [Int] = {
    (3...7919).filter { p in p % 4 == 3 && (2..<p).prefix { $0 * $0 <= p }.allSatisfy { p % $0 != 0 } }
  }()

  /// R's `paley(n, nmax)`: a matrix of order above n from a prime p ≡ 3 (mod 4), possibly
  /// doubled; nil when R's returns NULL.
  static func paley(_ n: Int, limit: Int) -> HadamardMatrix? {
    let ceiling = n + 4 - n % 4
    if n % 4 + 4 == n % 8 {
      var order = ceiling
      while order % 8 == 0 { order /= 2 }
      if paleyPrimes.contains(order - 1) {
        var matrix = paleyOne(prime: order - 1)
        while matrix.order < ceiling { matrix = matrix.doubled() }
        return matrix
      }
    }
    guard n <= paleyPrimes.last!, let p = paleyPrimes.first(where: { $0 >= n }) else { return nil }
    if p + 1 > ceiling + 4, ceiling + 4 < limit { return paley(ceiling + 3, limit: 2 * (ceiling + 3)) }
    if p > limit { return nil }
    return paleyOne(prime: p)
  }

  /// Paley's first construction from a prime p ≡ 3 (mod 4), as R writes it: a first row and
  /// column of ones around the p × p matrix whose entry (i, j) is 0 when i + j (mod p) is 0 or a
  /// quadratic residue, 1 otherwise.
  static func paleyOne(prime p: Int) -> HadamardMatrix {
    var residues = Set([0])
    for i in 1...max(1, (p - 1) / 2) { residues.insert(i * i % p) }
    let size = p + 1
    var entries = [UInt8](repeating: 1, count: size * size)
    for i in 0..<p {
      for j in 0..<p where residues.contains((i + j) % p) { entries[(i + 1) * size + j + 1] = 0 }
    }
    return HadamardMatrix(order: size, entries: entries)
  }

  /// Paley's second construction from a prime q ≡ 1 (mod 4): order 2(q + 1), from the symmetric
  /// conference matrix C = [0 1ᵀ; 1 Q] (Q Jacobsthal's): C ⊗ [1 1; 1 −1] + I ⊗ [1 −1; −1 −1],
  /// its columns then signed so that the first row is all ones.
  static func paleyTwo(prime q: Int) -> HadamardMatrix {
    var residues = Set<Int>()
    for i in 1...(q - 1) / 2 { residues.insert(i * i % q) }
    func character(_ value: Int) -> Int {
      let r = ((value % q) + q) % q
      return r == 0 ? 0 : (residues.contains(r) ? 1 : -1)
    }
    let m = q + 1
    func conference(_ i: Int, _ j: Int) -> Int {
      if i == 0 || j == 0 { return i == j ? 0 : 1 }
      return character(j - i)
    }
    let size = 2 * m
    var signed = [Int](repeating: 0, count: size * size)
    let kron = [[1, 1], [1, -1]]
    let diagonal = [[1, -1], [-1, -1]]
    for i in 0..<m {
      for j in 0..<m {
        for a in 0..<2 {
          for b in 0..<2 {
            signed[(2 * i + a) * size + 2 * j + b] = conference(i, j) * kron[a][b] + (i == j ? diagonal[a][b] : 0)
          }
        }
      }
    }
    var entries = [UInt8](repeating: 0, count: size * size)
    for j in 0..<size {
      let sign = signed[j]
      for i in 0..<size { entries[i * size + j] = signed[i * size + j] * sign > 0 ? 1 : 0 }
    }
    return HadamardMatrix(order: size, entries: entries)
  }
}
