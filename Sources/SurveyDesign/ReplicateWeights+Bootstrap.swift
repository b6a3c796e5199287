import SurveyCore

extension ReplicateWeights {
  /// The bootstrap of R's `bootweights` (Canty and Davison's rescaled bootstrap of PSUs within
  /// strata): in replicate r each stratum's n_h PSUs are resampled n_h times with replacement, and
  /// a PSU's factor is the number of times it was drawn. With an fpc the n_h draws are made without
  /// replacement from the stratum's PSUs repeated to its population size N_h (R's
  /// `rep(psu, length = N)`, the PSUs shuffled once per stratum as R shuffles them; N above a
  /// billion is taken as sampling with replacement). Scale n̄/((n̄ − 1)(R − 1)), n̄ the harmonic
  /// mean of the PSUs per stratum; rscales 1.
  ///
  /// - Throws: ``DesignError/bootstrapSinglePSUs(column:)`` when every stratum has one PSU.
  ///
  /// The draws come from ``SurveyCore/SplitMix64``, one stream per replicate from `seed`, so a
  /// seed gives the same replicates on every machine; they are not R's draws (R uses its own
  /// generator), so a bootstrap SE agrees with R's only within sampling error.
  static func bootstrap(
    _ structure: SampleStructure, replicates: Int, seed: UInt64, mse: Bool
  ) throws(DesignError) -> ReplicateWeights {
    let stage = structure.first
    let units = stage.unitCount
    let perStratum = (0..<stage.strataCount).map { Double(stage.sampledUnits(inStratum: $0)) }.filter { $0 > 0 }
    let harmonic = Double(perStratum.count) / perStratum.reduce(0) { $0 + 1 / $1 }
    // One PSU in every stratum: R's scale n̄/(n̄ − 1) is infinite.
    guard harmonic > 1 else { throw .bootstrapSinglePSUs(column: structure.spec.strata) }
    // R shuffles each stratum's PSUs once before repeating them to N: which PSUs the repeats
    // favour is drawn too, from its own stream.
    let order = (0..<stage.strataCount).map { h -> [Int] in
      var random = SplitMix64(seed: seed, key: UInt64(h), salt: 0x7368_7566)
      var psus = Array(0..<stage.sampledUnits(inStratum: h))
      for i in stride(from: psus.count - 1, to: 0, by: -1) { psus.swapAt(i, random.below(i + 1)) }
      return psus
    }
    var factors = [Double](repeating: 0, count: replicates * units)
    for r in 0..<replicates {
      var random = SplitMix64(seed: seed, key: UInt64(r), salt: 0x626F_6F74)
      for h in 0..<stage.strataCount {
        let start = stage.units.start[h]
        let n = stage.units.start[h + 1] - start
        guard n > 0 else { continue }
        // A population beyond a billion is sampled as with replacement (its fraction is nil).
        if let population = stage.population?[h], population.isFinite, population < 1e9 {
          for draw in Self.drawsWithoutReplacement(n, from: Int(population), random: &random) {
            factors[(start + order[h][draw % n]) * replicates + r] += 1
          }
        } else {
          for _ in 0..<n { factors[(start + random.below(n)) * replicates + r] += 1 }
        }
      }
    }
    return ReplicateWeights(
      method: .bootstrap(replicates: replicates), scale: harmonic / ((harmonic - 1) * Double(replicates - 1)),
      rscales: [Double](repeating: 1, count: replicates), mse: mse, unitOfRow: stage.units.unit, unitCount: units,
      factors: factors, unitIsRow: false, notes: laterStageNote(structure))
  }

  /// `count` distinct numbers from 0..<`population`, uniformly (Floyd's algorithm: each draw
  /// is new, so a draw already made is checked among the few made so far).
  static func drawsWithoutReplacement(_ count: Int, from population: Int, random: inout SplitMix64) -> [Int] {
    var draws: [Int] = []
    draws.reserveCapacity(count)
    var chosen = Set<Int>(minimumCapacity: count > 64 ? count : 0)
    for j in (population - count)..<population {
      let t = random.below(j + 1)
      let taken = count > 64 ? chosen.contains(t) : draws.contains(t)
      let pick = taken ? j : t
      if count > 64 { chosen.insert(pick) }
      draws.append(pick)
    }
    return draws
  }
}
