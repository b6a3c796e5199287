/// The two-stage sample behind a synthetic survey of `rows` adults: how many PSUs, how big,
/// in which strata, and the weights and fpcs that follow.
///
/// PSUs hold 20 sampled adults each (`rows`/20 PSUs); below 400 rows they are smaller so that
/// every stratum still gets two, and above 8 million rows larger so that no stratum has more
/// PSUs than the codebook's `fpc` range (100,000) allows. The frame is Moldova's 2.0 million
/// adults, unless the sample is so large (more than about 1.1 million rows) or so small (fewer
/// than about 30) that design weights would leave the codebook's range [1, 100000]: then the
/// population is scaled (a larger or smaller country of the same shape) and the margins with it.
struct SampleDesign: Sendable {
  /// Rows of the survey.
  let rows: Int
  let seed: UInt64
  /// Sampled adults per PSU (the last PSU may have fewer).
  let psuSize: Int
  /// PSUs drawn.
  let psuCount: Int
  /// The factor applied to the frame's population (1 for 30 to ~1.1 million rows).
  let populationScale: Double
  /// The strata, in ``MoldovaFrame/strata`` order.
  let strata: [StratumDesign]

  /// Codebook bounds the design must respect.
  static let weightRange = 1.0...100_000.0
  static let maximumFPC = 100_000
  /// PSUs above which the PSU size grows beyond 20.
  static let maximumPSUs = 400_000

  init(rows: Int, seed: UInt64) {
    self.rows = rows
    self.seed = seed
    let size: Int
    if rows < 400 {
      size = max(1, rows / 20)
    } else {
      size = max(20, (rows + Self.maximumPSUs - 1) / Self.maximumPSUs)
    }
    psuSize = size
    psuCount = (rows + size - 1) / size

    let frame = MoldovaFrame.strata
    var psus = [Int](repeating: 0, count: frame.count)
    var stratumRows = [Int](repeating: 0, count: frame.count)
    var weightedRows = [Double](repeating: 0, count: frame.count)
    var smallestFactor = [Double](repeating: .infinity, count: frame.count)
    var largestFactor = [Double](repeating: 0, count: frame.count)
    var sequence = PSUSequence(rows: rows, psuSize: size, seed: seed)
    while let psu = sequence.next() {
      let h = psu.stratum
      psus[h] += 1
      stratumRows[h] += psu.size
      weightedRows[h] += psu.profile.sizeFactor * Double(psu.size)
      smallestFactor[h] = min(smallestFactor[h], psu.profile.sizeFactor)
      largestFactor[h] = max(largestFactor[h], psu.profile.sizeFactor)
    }

    // Weights before scaling, to see whether they fit the codebook's range.
    var lowest = Double.infinity
    var highest = 0.0
    for h in frame.indices where psus[h] > 0 {
      lowest = min(lowest, Double(frame[h].adults) * smallestFactor[h] / weightedRows[h])
      highest = max(highest, Double(frame[h].adults) * largestFactor[h] / weightedRows[h])
    }
    var scale = 1.0
    if lowest < Self.weightRange.lowerBound * 1.005 {
      scale = (Self.weightRange.lowerBound * 1.01 / lowest * 100).rounded(.up) / 100
    } else if highest > Self.weightRange.upperBound * 0.995 {
      scale = max(0.001, (Self.weightRange.upperBound * 0.99 / highest * 1000).rounded(.down) / 1000)
    }
    populationScale = scale

    strata = frame.indices.map { h in
      let stratum = frame[h]
      let adults = max(1, Int((Double(stratum.adults) * scale).rounded()))
      let areas = max(1, Int((Double(stratum.enumerationAreas) * scale).rounded()))
      // At most half the areas sampled where the codebook's fpc range allows; never fewer
      // areas than PSUs drawn.
      let fpc = max(psus[h], min(Self.maximumFPC, max(areas, 2 * psus[h])))
      return StratumDesign(
        stratum: stratum, adults: adults, fpc: fpc, psus: psus[h], rows: stratumRows[h],
        weightedRows: weightedRows[h])
    }
  }

  /// Adults in the (scaled) population: the sum of the strata.
  var populationTotal: Int { strata.reduce(0) { $0 + $1.adults } }

  /// The PSUs in draw order, each with its rows.
  func psus() -> PSUSequence {
    PSUSequence(rows: rows, psuSize: psuSize, seed: seed)
  }
}
