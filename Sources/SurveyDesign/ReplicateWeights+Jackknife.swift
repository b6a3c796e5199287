import SurveyCore

extension ReplicateWeights {
  /// The replicates of `method` made from `structure`'s strata and first-stage PSUs, as R's
  /// `as.svrepdesign(design, type = …)` makes them.
  ///
  /// - Throws: ``DesignError`` where R refuses: JK1 on strata, JKn/BRR/Fay without them, a lonely
  ///   PSU under `fail` (JKn), BRR strata that cannot be paired, every stratum sampled whole.
  public static func make(
    _ method: ReplicateMethod, structure: SampleStructure, mse: Bool, seed: UInt64
  ) throws(DesignError) -> ReplicateWeights {
    switch method {
    case .jk1: return try jackknife1(structure, mse: mse)
    case .jkn: return try jackknifeN(structure, mse: mse)
    case .brr: return try halfSamples(structure, rho: 0, mse: mse)
    case .fay(let rho): return try halfSamples(structure, rho: rho, mse: mse)
    case .bootstrap(let replicates): return try bootstrap(structure, replicates: replicates, seed: seed, mse: mse)
    case .other: preconditionFailure("'other' replicates are supplied, never made")
    }
  }

  /// R's note when only the first stage's fpc is used.
  static func laterStageNote(_ structure: SampleStructure) -> [String] {
    structure.stages.count > 1 && structure.stages[1].population != nil
      ? ["the replicates use the first stage's fpc only; fpcs of later stages are dropped, as R drops them"] : []
  }

  /// JK1 (R's `jk1weights`): replicate k drops PSU k and multiplies the others by n/(n − 1);
  /// scale f·(n − 1)/n with f = (N − n)/N (1 without an fpc), rscales 1. With f = 0 (every PSU
  /// sampled) there are no replicates and the variance is 0.
  static func jackknife1(_ structure: SampleStructure, mse: Bool) throws(DesignError) -> ReplicateWeights {
    if let strata = structure.spec.strata { throw .jk1Stratified(strata: strata) }
    let stage = structure.first
    let n = stage.unitCount
    let correction = stage.finiteCorrection[0]
    let replicates = correction == 0 ? 0 : n
    var factors = [Double](repeating: Double(n) / Double(n - 1), count: replicates * n)
    // Unit-major, square: replicate k drops unit k.
    for k in 0..<replicates { factors[k * replicates + k] = 0 }
    var weights = ReplicateWeights(
      method: .jk1, scale: correction * Double(n - 1) / Double(n), rscales: [Double](repeating: 1, count: replicates),
      mse: mse, unitOfRow: stage.units.unit, unitCount: n, factors: factors, unitIsRow: false,
      notes: laterStageNote(structure))
    if replicates > 0 { weights.jackknife = JackknifeLayout(stratumOfUnit: [Int32](repeating: 0, count: n), sizes: [Int32(n)]) }
    return weights
  }

  /// JKn (R's `jknweights`): within each stratum h, replicate k drops PSU k of h and multiplies
  /// the stratum's other PSUs by n_h/(n_h − 1), with rscale f_h·(n_h − 1)/n_h; PSUs of other
  /// strata keep their weight. A stratum sampled whole (f_h = 0) has no replicates. A stratum of
  /// one PSU follows the lonely-PSU rule as R does: `fail` refuses, `remove`, `certainty` and
  /// `average` give it no replicate (`average` scales by PSUs / replicates), `adjust` gives one
  /// replicate that drops it and multiplies every other PSU by H/(H − 1), rscale (H − 1)/H.
  static func jackknifeN(_ structure: SampleStructure, mse: Bool) throws(DesignError) -> ReplicateWeights {
    guard let column = structure.spec.strata else { throw .replicatesNeedStrata(method: "jkn") }
    let stage = structure.first
    let units = stage.unitCount
    let strata = stage.strataCount
    // The replicates first (the stratum and the unit each drops; a lonely `adjust` stratum's
    // one replicate drops its unit against every other), then their factors, unit-major.
    var replicates: [(stratum: Int, dropped: Int, adjust: Bool)] = []
    var rscales: [Double] = []
    var layout = JackknifeLayout(stratumOfUnit: [Int32](repeating: -1, count: units), sizes: [Int32](repeating: 0, count: strata))
    for h in 0..<strata {
      let range = stage.units.start[h]..<stage.units.start[h + 1]
      let n = range.count
      let correction = stage.finiteCorrection[h]
      if correction == 0 || n == 0 { continue }
      if n == 1 {
        switch structure.spec.lonelyPSU {
        case .fail: throw .replicateLonelyPSU(column: column, stratum: stage.strataLabels?[h] ?? "\(h + 1)")
        case .remove, .certainty, .average: continue
        case .adjust:
          replicates.append((h, range.lowerBound, true))
          rscales.append(Double(strata - 1) / Double(strata))
          continue
        }
      }
      for dropped in range {
        replicates.append((h, dropped, false))
        rscales.append(correction * Double(n - 1) / Double(n))
        layout.stratumOfUnit[dropped] = Int32(h)
      }
      layout.sizes[h] = Int32(n)
    }
    if rscales.isEmpty { throw .noReplicatedStratum(lonelyLeftOut: (0..<strata).contains { stage.sampledUnits(inStratum: $0) == 1 }) }
    let count = replicates.count
    var factors = [Double](repeating: 1, count: units * count)
    for (r, replicate) in replicates.enumerated() {
      let range = stage.units.start[replicate.stratum]..<stage.units.start[replicate.stratum + 1]
      if replicate.adjust {
        let others = Double(strata) / Double(strata - 1)
        for u in 0..<units { factors[u * count + r] = range.contains(u) ? 0 : others }
      } else {
        let kept = Double(range.count) / Double(range.count - 1)
        for u in range { factors[u * count + r] = u == replicate.dropped ? 0 : kept }
      }
    }
    let scale = rscales.count < units && structure.spec.lonelyPSU == .average ? Double(units) / Double(rscales.count) : 1
    var weights = ReplicateWeights(
      method: .jkn, scale: scale, rscales: rscales, mse: mse, unitOfRow: stage.units.unit, unitCount: units,
      factors: factors, unitIsRow: false, notes: laterStageNote(structure))
    // The rank of an `adjust` replicate set is left to the numerical rank.
    weights.jackknife = replicates.contains { $0.adjust } ? nil : layout
    return weights
  }
}
