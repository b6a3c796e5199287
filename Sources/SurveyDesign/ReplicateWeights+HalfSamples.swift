import Foundation
import SurveyCore

extension ReplicateWeights {
  /// BRR (ρ = 0) or Fay's method (0 < ρ < 1), as R's `brrweights`: the PSUs of each stratum form
  /// a pair (a stratum of 2k PSUs is split into k pairs of PSUs consecutive in order of first
  /// appearance, as R's default `large = "split"`); replicate i takes, in pair k, the half-sample
  /// row k of the Hadamard matrix ``HadamardMatrix/forPairs(_:)`` picks, in its column i: a 1
  /// takes the pair's first PSU at weight 2 − ρ and the other at ρ, a 0 the other way round. Pairs are numbered as R numbers them: split strata first, then
  /// strata of two PSUs, each group in the order of the strata's names (as R sorts text), and within a
  /// stratum the PSU seen first is the pair's first. Scale 1/(R (1 − ρ)²), rscales 1. An fpc is
  /// dropped with a note, as R drops it.
  ///
  /// - Throws: ``DesignError/replicatesNeedStrata(method:)``, ``DesignError/brrSmallStratum(column:stratum:)``
  ///   and ``DesignError/brrOddStratum(column:stratum:psus:)``.
  static func halfSamples(_ structure: SampleStructure, rho: Double, mse: Bool) throws(DesignError) -> ReplicateWeights {
    let method: ReplicateMethod = rho == 0 ? .brr : .fay(rho: rho)
    guard let column = structure.spec.strata else { throw .replicatesNeedStrata(method: method.description) }
    let stage = structure.first
    let labels = stage.strataLabels ?? []
    // Strata in the order of their names as R's order() sorts text (``collationPrecedes``).
    let order = (0..<stage.strataCount).sorted { Self.collationPrecedes(labels[$0], labels[$1]) }
    for h in order where stage.sampledUnits(inStratum: h) == 1 {
      throw .brrSmallStratum(column: column, stratum: labels[h])
    }
    for h in order where stage.sampledUnits(inStratum: h) > 2 && stage.sampledUnits(inStratum: h) % 2 == 1 {
      throw .brrOddStratum(column: column, stratum: labels[h], psus: stage.sampledUnits(inStratum: h))
    }
    // Per PSU: its pair (from 1) and whether it is the pair's first.
    var pair = [Int](repeating: 0, count: stage.unitCount)
    var isFirst = [Bool](repeating: false, count: stage.unitCount)
    var pairs = 0
    let split = order.filter { stage.sampledUnits(inStratum: $0) > 2 }
    let twos = order.filter { stage.sampledUnits(inStratum: $0) == 2 }
    for h in split + twos {
      let psus = (stage.units.start[h]..<stage.units.start[h + 1]).sorted { stage.units.firstRow[$0] < stage.units.firstRow[$1] }
      for (index, u) in psus.enumerated() {
        pair[u] = pairs + index / 2 + 1
        isFirst[u] = index % 2 == 0
      }
      pairs += psus.count / 2
    }
    let hadamard = HadamardMatrix.forPairs(pairs)
    let replicates = hadamard.order
    let units = stage.unitCount
    var factors = [Double](repeating: 0, count: replicates * units)
    for i in 0..<replicates {
      for u in 0..<units {
        // Row `pair` of the matrix, column i: 1 takes the pair's first PSU, 0 its second (R's
        // `brrweights` gives the first PSU the weights (0, 1) and picks column entry + 1).
        let takesFirst = hadamard[pair[u], i] == 1
        factors[u * replicates + i] = takesFirst == isFirst[u] ? 2 - rho : rho
      }
    }
    var notes =
      stage.population != nil
      ? ["the fpc is dropped: BRR and Fay replicates assume sampling with replacement, as R's as.svrepdesign"] : []
    if HadamardMatrix.differsFromR(pairs: pairs) {
      notes.append(
        "\(pairs) strata pairs take a Hadamard matrix of order \(replicates), which R reads from its stored matrices and survey-pipe builds by Paley's construction: totals' SEs are R's, but means' and ratios' can differ from R's by several percent; to match R, supply R's replicate weights with --repweights")
    }
    return ReplicateWeights(
      method: method, scale: 1 / (Double(replicates) * (1 - rho) * (1 - rho)),
      rscales: [Double](repeating: 1, count: replicates), mse: mse, unitOfRow: stage.units.unit, unitCount: units,
      factors: factors, unitIsRow: false, notes: notes)
  }
}
