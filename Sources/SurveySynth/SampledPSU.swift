/// One primary sampling unit (a census enumeration area) of the synthetic sample.
struct SampledPSU: Sendable {
  /// Index into ``MoldovaFrame/strata``.
  let stratum: Int
  /// The PSU's number within its stratum, from 0.
  let indexInStratum: Int
  /// The first data row (from 0) interviewed in the PSU.
  let firstRow: Int
  /// How many sampled adults (rows) the PSU has.
  let size: Int
  /// Random traits of the area, fixed by the seed and the PSU id.
  let profile: PSUProfile

  init(stratum: Int, indexInStratum: Int, firstRow: Int, size: Int, seed: UInt64) {
    self.stratum = stratum
    self.indexInStratum = indexInStratum
    self.firstRow = firstRow
    self.size = size
    let code = MoldovaFrame.strata[stratum].code
    profile = PSUProfile(seed: seed, psuID: Self.id(stratumCode: code, indexInStratum: indexInStratum))
  }

  /// The PSU id written to the data: stratum code × 1,000,000 + number within the stratum (from
  /// 1), e.g. 21000007; unique across the sample.
  var id: Int { Self.id(stratumCode: MoldovaFrame.strata[stratum].code, indexInStratum: indexInStratum) }

  static func id(stratumCode: Int, indexInStratum: Int) -> Int {
    stratumCode * 1_000_000 + indexInStratum + 1
  }

  /// The enumerator who works the PSU: twelve per region (E01–E12 Chișinău, E13–E24 Nord, …),
  /// six for its towns and six for its villages, taking the region's areas in turn.
  var enumerator: Int {
    let stratum = MoldovaFrame.strata[self.stratum]
    return (stratum.region - 1) * 12 + (stratum.urban - 1) * 6 + indexInStratum % 6 + 1
  }
}
