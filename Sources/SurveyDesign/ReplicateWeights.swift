import SurveyCore

/// The replicate weights of a design and how their estimates make a variance, as R's
/// `svyrep.design` holds them (`repweights`, `scale`, `rscales`, `mse`).
///
/// Replicate r's weight of a row is the row's full weight times a factor that depends only on
/// the row's replicate unit: its first-stage PSU when the replicates are made from the design
/// (JK1, JKn, BRR, Fay, bootstrap, all of which reweight whole PSUs, as R's compressed
/// `repweights`), or the row itself when the weights are supplied as columns or were calibrated
/// replicate by replicate. Estimates add the rows up unit by unit first, so a PSU design never
/// holds a rows × replicates matrix.
public struct ReplicateWeights: Sendable {
  /// The kind of replicates.
  public let method: ReplicateMethod
  /// R's `scale`: the multiplier of the sum of squared deviations.
  public let scale: Double
  /// R's `rscales`: one multiplier per replicate.
  public let rscales: [Double]
  /// Centre on the full-sample estimate (R's `mse = TRUE`) rather than the replicates' mean.
  public let mse: Bool
  /// Per row: its replicate unit.
  public let unitOfRow: [Int32]
  /// The number of replicate units.
  public let unitCount: Int
  /// Unit-major factors: replicate r's weight of a row of unit u is the row's full weight times
  /// `factors[u * count + r]`, so that an estimate reads each unit's replicates in one run.
  public let factors: [Double]
  /// Whether a unit is one row (supplied or calibrated replicates) rather than a PSU.
  public let unitIsRow: Bool
  /// What the user should know about how the replicates were made (R's warnings).
  public var notes: [String]
  /// Where the replicates came from, for tables: `made from the design's PSUs`, `supplied as
  /// columns`, with `, the weighting replayed on each` after weighting steps.
  public var origin: String
  /// For delete-one jackknife replicates made from the design: which stratum each PSU's
  /// replicates belong to, so that their rank is known without computing it.
  public var jackknife: JackknifeLayout?
  /// For jackknife replicates calibrated row by row: each row's PSU, so that with many replicates
  /// the degrees of freedom come from ``jackknife`` (see ``degreesOfFreedom(units:)``).
  public var jackknifePSU: [Int32]?

  /// Above this many replicates, calibrated jackknife replicates take their rank from the
  /// jackknife's strata rather than computing it (a cost in the cube of the replicates).
  public static let computedRankLimit = 200

  public init(
    method: ReplicateMethod, scale: Double, rscales: [Double], mse: Bool, unitOfRow: [Int32], unitCount: Int,
    factors: [Double], unitIsRow: Bool, notes: [String] = [], origin: String = "made from the design's PSUs"
  ) {
    precondition(factors.count == rscales.count * unitCount, "one factor per replicate and unit")
    self.method = method
    self.scale = scale
    self.rscales = rscales
    self.mse = mse
    self.unitOfRow = unitOfRow
    self.unitCount = unitCount
    self.factors = factors
    self.unitIsRow = unitIsRow
    self.notes = notes
    self.origin = origin
  }

  /// The number of replicates.
  public var count: Int { rscales.count }

  /// `15 JK1 replicate weights made from the design's PSUs`, `80 bootstrap replicate weights
  /// supplied as columns`, with `, centred on the full-sample estimate (mse)` under ``mse``.
  public var summary: String {
    let kind: String
    switch method {
    case .fay(let rho): kind = "Fay (rho \(NumberFormatting.string(rho)))"
    default: kind = method.rName
    }
    return "\(count) \(kind) replicate weights \(origin)" + (mse ? ", centred on the full-sample estimate (mse)" : "")
  }

  /// Replicate r's factor for unit u.
  @inline(__always) public func factor(replicate r: Int, unit u: Int) -> Double {
    factors[u &* rscales.count &+ r]
  }

  /// The variance from the replicates' estimates, as R's `svrVar`:
  /// scale · Σ rscale_r (θ_r − θ̄)², θ̄ the mean of the replicates with a positive rscale, or the
  /// full-sample estimate under `mse`. Replicates whose estimate is not a number (a domain with no
  /// rows in a replicate) are left out, as R's `na.omit` leaves them out; nil when none is left.
  /// With no replicates at all (every stratum taken whole) the variance is 0.
  public func variance(_ estimates: [Double], full: Double) -> Double? {
    precondition(estimates.count == count, "one estimate per replicate")
    return covariance([estimates], full: [full]).map { $0[0][0] }
  }

  /// The covariance matrix of several estimates from their replicates (`estimates[i][r]`), as
  /// R's `svrVar` of a matrix: a replicate where any estimate is not a number is left out, each
  /// estimate is centred on its replicates' mean (or, under ``mse``, on `full[i]`); nil when no
  /// replicate is left.
  public func covariance(_ estimates: [[Double]], full: [Double]) -> [[Double]]? {
    let k = estimates.count
    if count == 0 { return [[Double]](repeating: [Double](repeating: 0, count: k), count: k) }
    let kept = (0..<count).filter { r in estimates.allSatisfy { !$0[r].isNaN } }
    guard !kept.isEmpty else { return nil }
    let used = kept.filter { rscales[$0] > 0 }
    guard mse || !used.isEmpty else { return nil }
    let centres = (0..<k).map { i in mse ? full[i] : used.reduce(0) { $0 + estimates[i][$1] } / Double(used.count) }
    var result = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
    for i in 0..<k {
      for j in 0...i {
        var sum = 0.0
        for r in kept { sum += (estimates[i][r] - centres[i]) * (estimates[j][r] - centres[j]) * rscales[r] }
        result[i][j] = sum * scale
        result[j][i] = result[i][j]
      }
    }
    return result
  }

  /// R's `degf` of the design restricted to `units`' rows: the rank of their replicate weights
  /// less one (at least 0). Rows of one unit have proportional replicate weights, so the rank is
  /// that of the units' factor vectors. Jackknife replicates made from the design take it from
  /// their strata (exact); calibrated ones with more than ``computedRankLimit`` replicates too,
  /// which can be one or two below R's numerical rank of the calibrated weights.
  public func degreesOfFreedom(units: some Sequence<Int32>) -> Int {
    if let jackknife, !unitIsRow { return max(0, jackknife.rank(units: units) - 1) }
    if let jackknife, let psus = jackknifePSU, count > Self.computedRankLimit {
      return max(0, jackknife.rank(units: units.lazy.map { psus[Int($0)] }) - 1)
    }
    var rank = ReplicateRank(replicates: count)
    for unit in units {
      if rank.isFull { break }
      rank.add { r in factor(replicate: r, unit: Int(unit)) }
    }
    return max(0, rank.rank - 1)
  }
}
