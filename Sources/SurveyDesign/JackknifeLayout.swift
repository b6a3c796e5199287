/// The strata of delete-one jackknife replicates (JK1, or JKn without a lonely `adjust`
/// replicate), from which the rank of any set of PSUs' replicate weights follows exactly: with
/// thousands of PSUs (and as many replicates) computing it would cost the cube of their number.
///
/// PSU u of a replicated stratum g (n_g PSUs, a_g = n_g/(n_g − 1)) has the replicate vector
/// v_u = 1 + (a_g − 1)·1_g − a_g·e_u (1_g: g's replicates, e_u: u's own); a PSU of a stratum without
/// replicates (sampled whole, or a lonely PSU removed) has v_u = 1. For a set S of PSUs, with k_g
/// of them in stratum g and m strata complete (k_g = n_g), Σ c_u v_u = 0 forces c constant within
/// each complete stratum, 0 in the others, and Σ c_u = 0; so the vectors of the replicated strata
/// have rank |S| − max(0, m − 1), and 1 adds one more when S holds a PSU of a stratum without
/// replicates and no complete stratum (with one, 1 is already in the span).
public struct JackknifeLayout: Sendable, Equatable {
  /// Per PSU: the stratum whose replicates drop it, −1 when its stratum has none.
  public var stratumOfUnit: [Int32]
  /// Per stratum: n_g, its PSUs, when it has replicates (0 otherwise).
  public var sizes: [Int32]

  public init(stratumOfUnit: [Int32], sizes: [Int32]) {
    self.stratumOfUnit = stratumOfUnit
    self.sizes = sizes
  }

  /// The rank of the replicate vectors of `units` (each counted once).
  public func rank(units: some Sequence<Int32>) -> Int {
    var seen = Set<Int32>()
    var inStratum = [Int32](repeating: 0, count: sizes.count)
    var replicated = 0
    var unreplicated = false
    for unit in units where seen.insert(unit).inserted {
      let g = stratumOfUnit[Int(unit)]
      if g < 0 {
        unreplicated = true
      } else {
        inStratum[Int(g)] += 1
        replicated += 1
      }
    }
    let complete = zip(inStratum, sizes).filter { $0 > 0 && $0 == $1 }.count
    return replicated - max(0, complete - 1) + (unreplicated && complete == 0 ? 1 : 0)
  }
}
