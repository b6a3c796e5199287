/// The order in which PSUs are drawn into the sample: two per stratum first (so even a small
/// sample has two PSUs in every stratum, as variance estimation needs), then always the stratum
/// furthest below its target share.
///
/// The sequence does not depend on how many PSUs are drawn in the end, so PSU *k* (and the
/// rows in it) are the same for every sample size with the same PSU size.
struct PSUAllocator {
  private let shares: [Double]
  private var counts: [Int]
  private var drawn = 0

  init(shares: [Double] = MoldovaFrame.allocationShares) {
    self.shares = shares
    counts = [Int](repeating: 0, count: shares.count)
  }

  /// The stratum (index into ``MoldovaFrame/strata``) of the next PSU and its number within the
  /// stratum (0 for the stratum's first PSU).
  mutating func next() -> (stratum: Int, index: Int) {
    let strata = shares.count
    var chosen = 0
    if drawn < 2 * strata {
      chosen = drawn % strata
    } else {
      var largest = -Double.infinity
      let position = Double(drawn + 1)
      for stratum in 0..<strata {
        let deficit = shares[stratum] * position - Double(counts[stratum])
        if deficit > largest {
          largest = deficit
          chosen = stratum
        }
      }
    }
    let index = counts[chosen]
    counts[chosen] += 1
    drawn += 1
    return (chosen, index)
  }
}
