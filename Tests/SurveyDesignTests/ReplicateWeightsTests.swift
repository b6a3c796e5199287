import Foundation
import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyDesign

/// Eight rows: strata h = A A A B B C C C, PSUs psu = 1 1 2 3 4 5 6 6 (nested: 6 PSUs, A and C
/// with two each, B with two), and `extra` columns.
private func replicateTable(_ extra: [Column] = []) -> DataTable {
  testTable(
    [
      codeColumn("h", ["A", "A", "A", "B", "B", "C", "C", "C"]), numberColumn("psu", [1, 1, 2, 3, 4, 5, 6, 6]),
    ] + extra, batch: "r.csv")
}

private func structure(strata: String? = "h", fpc: [Double?]? = nil, lonely: LonelyPSU = .fail) throws -> SampleStructure {
  var spec = DesignSpec(strata: strata, psu: ["psu"], fpc: fpc == nil ? [] : ["fpc"], lonelyPSU: lonely)
  spec.lonelyPSU = lonely
  return try SampleStructure(table: replicateTable(fpc.map { [numberColumn("fpc", $0)] } ?? []), spec: spec)
}

/// Replicate r's factors of the units, in unit order.
private func factors(_ weights: ReplicateWeights, _ r: Int) -> [Double] {
  (0..<weights.unitCount).map { weights.factor(replicate: r, unit: $0) }
}

@Suite("Design: replicate weights made from the design, as R's as.svrepdesign")
struct ReplicateWeightsTests {
  @Test("JK1: replicate k drops PSU k and weighs the others n/(n-1); scale f(n-1)/n")
  func jackknife1() throws {
    let weights = try ReplicateWeights.make(.jk1, structure: structure(strata: nil), mse: false, seed: 1)
    #expect(weights.count == 6)
    #expect(factors(weights, 0) == [0, 1.2, 1.2, 1.2, 1.2, 1.2])
    #expect(factors(weights, 5) == [1.2, 1.2, 1.2, 1.2, 1.2, 0])
    #expect(weights.scale == 5.0 / 6.0)
    #expect(weights.rscales == [1, 1, 1, 1, 1, 1])
    // With an fpc of 12 PSUs: f = (12 - 6)/12 = 0.5, scale 0.5 · 5/6.
    let fpc = try ReplicateWeights.make(.jk1, structure: structure(strata: nil, fpc: Array(repeating: 12, count: 8)), mse: false, seed: 1)
    #expect(abs(fpc.scale - 0.5 * 5 / 6) < 1e-15)
    // Every PSU sampled (N = n): no replicates, variance 0.
    let whole = try ReplicateWeights.make(.jk1, structure: structure(strata: nil, fpc: Array(repeating: 6, count: 8)), mse: false, seed: 1)
    #expect(whole.count == 0)
    #expect(whole.variance([], full: 3) == 0)
    #expect(throws: DesignError.jk1Stratified(strata: "h")) { try ReplicateWeights.make(.jk1, structure: structure(), mse: false, seed: 1) }
  }

  @Test("JKn: within each stratum drop one PSU, weigh its other PSUs n_h/(n_h-1); rscales f_h(n_h-1)/n_h")
  func jackknifeN() throws {
    let weights = try ReplicateWeights.make(.jkn, structure: structure(), mse: false, seed: 1)
    #expect(weights.count == 6)
    // Stratum A's first replicate: PSU 1 dropped, PSU 2 doubled, B and C unchanged.
    #expect(factors(weights, 0) == [0, 2, 1, 1, 1, 1])
    #expect(factors(weights, 3) == [1, 1, 2, 0, 1, 1])
    #expect(weights.rscales == [0.5, 0.5, 0.5, 0.5, 0.5, 0.5])
    #expect(weights.scale == 1)
    #expect(throws: DesignError.replicatesNeedStrata(method: "jkn")) {
      try ReplicateWeights.make(.jkn, structure: structure(strata: nil), mse: false, seed: 1)
    }
  }

  @Test("JKn with a lonely PSU: fail refuses, remove skips it, average rescales, adjust drops it against all others")
  func jackknifeLonely() throws {
    // B's second PSU joins stratum C: B has one PSU (3).
    let table = testTable(
      [codeColumn("h", ["A", "A", "A", "B", "C", "C", "C", "C"]), numberColumn("psu", [1, 1, 2, 3, 4, 5, 6, 6])])
    func make(_ lonely: LonelyPSU) throws -> ReplicateWeights {
      try ReplicateWeights.make(
        .jkn, structure: SampleStructure(table: table, spec: DesignSpec(strata: "h", psu: ["psu"], lonelyPSU: lonely)), mse: false,
        seed: 1)
    }
    #expect(throws: DesignError.replicateLonelyPSU(column: "h", stratum: "B")) { try make(.fail) }
    #expect(try make(.remove).count == 5)
    #expect(try make(.remove).scale == 1)
    // average: R's scale is PSUs / replicates = 6/5.
    #expect(try make(.average).scale == 6.0 / 5.0)
    let adjust = try make(.adjust)
    #expect(adjust.count == 6)
    // The adjust replicate (third, stratum B): B's PSU 0, every other PSU H/(H-1) = 3/2, rscale 2/3.
    #expect(factors(adjust, 2) == [1.5, 1.5, 0, 1.5, 1.5, 1.5])
    #expect(adjust.rscales[2] == 2.0 / 3.0)
  }

  @Test("BRR: pairs in the order of the strata's names, a 1 in the Hadamard matrix takes the first PSU; Fay weighs 2-rho and rho")
  func halfSamples() throws {
    let brr = try ReplicateWeights.make(.brr, structure: structure(), mse: false, seed: 1)
    // 3 pairs: R's hadamard(3) is Sylvester's order 4; scale 1/4.
    #expect(brr.count == 4)
    #expect(brr.scale == 0.25)
    let h = HadamardMatrix.forPairs(3)
    for r in 0..<4 {
      for pair in 1...3 {
        let (first, second) = (2 * (pair - 1), 2 * (pair - 1) + 1)
        let takesFirst = h[pair, r] == 1
        #expect(brr.factor(replicate: r, unit: first) == (takesFirst ? 2 : 0))
        #expect(brr.factor(replicate: r, unit: second) == (takesFirst ? 0 : 2))
      }
    }
    let fay = try ReplicateWeights.make(.fay(rho: 0.5), structure: structure(), mse: false, seed: 1)
    #expect(Set(fay.factors) == [0.5, 1.5])
    #expect(fay.scale == 1 / (4 * 0.25))
  }

  /// fixtures/r-reference/collation.json (make-collation.R): name sets and R's order() of them.
  static let collationSets: [(names: [String], order: [Int])] = {
    let data = try! Data(contentsOf: URL(fileURLWithPath: Fixtures.path("r-reference/collation.json")))
    let root = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    return (root["sets"] as! [[String: Any]]).map { ($0["names"] as! [String], ($0["r_order"] as! [NSNumber]).map(\.intValue)) }
  }()

  @Test("BRR orders strata names as R's order() does in a UTF-8 locale, on 13 sets of names R sorted")
  func collationMatchesR() {
    for set in Self.collationSets {
      let sorted = set.names.indices.sorted { ReplicateWeights.collationPrecedes(set.names[$0], set.names[$1]) }.map { $0 + 1 }
      #expect(sorted == set.order, "\(set.names)")
    }
  }

  @Test("BRR orders strata as R's order() sorts text in a UTF-8 locale")
  func strataOrder() {
    // R 4.2 in C.UTF-8: order(c("b","B","a","A","é","e","f","_x","1")) is 8 9 3 4 1 2 6 5 7.
    let names = ["b", "B", "a", "A", "é", "e", "f", "_x", "1"]
    let sorted = names.indices.sorted { ReplicateWeights.collationPrecedes(names[$0], names[$1]) }.map { $0 + 1 }
    #expect(sorted == [8, 9, 3, 4, 1, 2, 6, 5, 7])
    #expect(ReplicateWeights.collationPrecedes("Balti", "Bălți"))
    #expect(ReplicateWeights.collationPrecedes("Bălți", "Briceni"))
    #expect(ReplicateWeights.collationPrecedes("10", "9"))
  }

  @Test("BRR refuses strata of one PSU or an odd number, as R does")
  func halfSampleRefusals() throws {
    let odd = testTable([codeColumn("h", ["A", "A", "A", "B", "B"]), numberColumn("psu", [1, 2, 3, 4, 5])])
    #expect(throws: DesignError.brrOddStratum(column: "h", stratum: "A", psus: 3)) {
      try ReplicateWeights.make(.brr, structure: SampleStructure(table: odd, spec: DesignSpec(strata: "h", psu: ["psu"])), mse: false, seed: 1)
    }
    let single = testTable([codeColumn("h", ["A", "A", "B"]), numberColumn("psu", [1, 2, 3])])
    #expect(throws: DesignError.brrSmallStratum(column: "h", stratum: "B")) {
      try ReplicateWeights.make(
        .brr, structure: SampleStructure(table: single, spec: DesignSpec(strata: "h", psu: ["psu"], lonelyPSU: .remove)),
        mse: false, seed: 1)
    }
  }

  @Test("bootstrap: reproducible from its seed, n_h draws per stratum, scale from the harmonic mean of PSUs per stratum")
  func bootstrap() throws {
    let one = try ReplicateWeights.make(.bootstrap(replicates: 30), structure: structure(), mse: false, seed: 7)
    let again = try ReplicateWeights.make(.bootstrap(replicates: 30), structure: structure(), mse: false, seed: 7)
    let other = try ReplicateWeights.make(.bootstrap(replicates: 30), structure: structure(), mse: false, seed: 8)
    #expect(one.factors == again.factors)
    #expect(one.factors != other.factors)
    for r in 0..<30 {
      let f = factors(one, r)
      #expect(f[0] + f[1] == 2 && f[2] + f[3] == 2 && f[4] + f[5] == 2)
    }
    // Two PSUs in every stratum: n̄ = 2, scale 2 / (1 · 29).
    #expect(one.scale == 2.0 / 29.0)
    // With an fpc, draws without replacement from the PSUs repeated to N: N = n allows one outcome.
    let whole = try ReplicateWeights.make(
      .bootstrap(replicates: 5), structure: structure(fpc: Array(repeating: 2, count: 8)), mse: false, seed: 7)
    #expect(Set(whole.factors) == [1])
  }

  @Test("the variance: scale · Σ rscale (θ_r − centre)², centre the replicates' mean or (mse) the estimate; NaN replicates left out")
  func variance() {
    let weights = ReplicateWeights(
      method: .other, scale: 0.5, rscales: [1, 2, 1], mse: false, unitOfRow: [0], unitCount: 1, factors: [1, 1, 1],
      unitIsRow: false)
    // Mean of 1, 2, 6 is 3: 0.5 · (1·4 + 2·1 + 1·9) = 7.5.
    #expect(weights.variance([1, 2, 6], full: 10) == 7.5)
    let mse = ReplicateWeights(
      method: .other, scale: 0.5, rscales: [1, 2, 1], mse: true, unitOfRow: [0], unitCount: 1, factors: [1, 1, 1],
      unitIsRow: false)
    // Around 2: 0.5 · (1 + 0 + 16) = 8.5.
    #expect(mse.variance([1, 2, 6], full: 2) == 8.5)
    // R's na.omit: the NaN replicate is dropped; mean of 1 and 6 is 3.5: 0.5 · (6.25 + 6.25).
    #expect(weights.variance([1, .nan, 6], full: 0) == 6.25)
    #expect(weights.variance([.nan, .nan, .nan], full: 0) == nil)
  }

  @Test("degrees of freedom: the rank of the units' replicate weights less one, as R's degf")
  func degreesOfFreedom() throws {
    let jk1 = try ReplicateWeights.make(.jk1, structure: structure(strata: nil), mse: false, seed: 1)
    #expect(jk1.degreesOfFreedom(units: [0, 1, 2, 3, 4, 5]) == 5)
    #expect(jk1.degreesOfFreedom(units: [0, 0, 1, 1]) == 1)
    // BRR: in each pair the two PSUs' vectors add up to a vector of 2s: rank pairs + 1.
    let brr = try ReplicateWeights.make(.brr, structure: structure(), mse: false, seed: 1)
    #expect(brr.degreesOfFreedom(units: [0, 1, 2, 3, 4, 5]) == 3)
  }

  @Test("the jackknife's rank from its strata equals the computed rank for every set of PSUs")
  func jackknifeRank() throws {
    // Strata A (3 PSUs), B (2), C (1, lonely: removed), D (2, sampled whole: fpc 2): A and B
    // have replicates, C and D none.
    let table = testTable([
      codeColumn("h", ["A", "A", "A", "B", "B", "C", "D", "D"]), numberColumn("psu", [1, 2, 3, 4, 5, 6, 7, 8]),
      numberColumn("fpc", [10, 10, 10, 9, 9, 5, 2, 2]),
    ])
    let structure = try SampleStructure(table: table, spec: DesignSpec(strata: "h", psu: ["psu"], fpc: ["fpc"], lonelyPSU: .remove))
    let weights = try ReplicateWeights.make(.jkn, structure: structure, mse: false, seed: 1)
    let layout = try #require(weights.jackknife)
    #expect(weights.count == 5)
    var computed = weights
    computed.jackknife = nil
    for mask in 1..<(1 << 8) {
      let units = (0..<8).filter { mask & (1 << $0) != 0 }.map(Int32.init)
      #expect(layout.rank(units: units) - 1 == computed.degreesOfFreedom(units: units), "PSUs \(units)")
    }
    let jk1 = try ReplicateWeights.make(.jk1, structure: SampleStructure(table: table, spec: DesignSpec(psu: ["psu"])), mse: false, seed: 1)
    var jk1Computed = jk1
    jk1Computed.jackknife = nil
    for mask in 1..<(1 << 8) {
      let units = (0..<8).filter { mask & (1 << $0) != 0 }.map(Int32.init)
      #expect(jk1.degreesOfFreedom(units: units) == jk1Computed.degreesOfFreedom(units: units), "PSUs \(units)")
    }
  }

  @Test("supplied columns: a prefix takes PREFIX followed by digits, ^ starts a regular expression; file order")
  func columnNames() throws {
    let names = ["id", "repw1", "repw10", "repw2", "repwx", "pw", "brr_1"]
    #expect(try ReplicateWeights.columnNames(matching: "repw", in: names) == ["repw1", "repw10", "repw2"])
    #expect(try ReplicateWeights.columnNames(matching: "^brr_[0-9]+$", in: names) == ["brr_1"])
    #expect(throws: DesignError.noReplicateColumns(pattern: "rw")) { try ReplicateWeights.columnNames(matching: "rw", in: names) }
    #expect(throws: DesignError.invalidReplicatePattern(pattern: "^(")) { try ReplicateWeights.columnNames(matching: "^(", in: names) }
  }

  @Test("supplied columns: factors are replicate weight over full weight; R's default scales; jkn needs rscales")
  func supplied() throws {
    let table = testTable([numberColumn("w", [2, 4]), numberColumn("r1", [0, 8]), numberColumn("r2", [4, 0])])
    let jk1 = try ReplicateWeights.supplied(ReplicateSpec(method: .jk1, columns: "r"), table: table, weights: [2, 4])
    #expect(jk1.factors == [0, 2, 2, 0])
    #expect(jk1.scale == 0.5)
    #expect(jk1.notes.count == 1)
    let brr = try ReplicateWeights.supplied(ReplicateSpec(method: .brr, columns: "r"), table: table, weights: [2, 4])
    #expect(brr.scale == 0.5)
    let fay = try ReplicateWeights.supplied(ReplicateSpec(method: .fay(rho: 0.5), columns: "r"), table: table, weights: [2, 4])
    #expect(fay.scale == 2)
    let boot = try ReplicateWeights.supplied(ReplicateSpec(method: .bootstrap(replicates: 0), columns: "r"), table: table, weights: [2, 4])
    #expect(boot.scale == 1)
    #expect(throws: DesignError.self) { try ReplicateWeights.supplied(ReplicateSpec(method: .jkn, columns: "r"), table: table, weights: [2, 4]) }
    #expect(throws: DesignError.self) {
      try ReplicateWeights.supplied(ReplicateSpec(method: .other, columns: "r", rscales: [1, 1, 1]), table: table, weights: [2, 4])
    }
  }
}
