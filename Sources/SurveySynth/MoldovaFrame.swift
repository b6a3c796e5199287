/// The synthetic sampling frame: Moldova's adults (18+, about 2.0 million, without the left
/// bank of the Dniester) in ten strata, with census-like enumeration areas of ~150 adults.
///
/// Figures are rounded and fictional but keep the country's shape: Chișinău is a third of the
/// adults and mostly urban, the other regions mostly rural, UTA Găgăuzia small.
enum MoldovaFrame {
  /// The strata in a fixed order (also the order of the first round of PSUs).
  static let strata: [Stratum] = [
    Stratum(region: 1, urban: 1, adults: 540_000, enumerationAreas: 3_000),
    Stratum(region: 1, urban: 2, adults: 60_000, enumerationAreas: 420),
    Stratum(region: 2, urban: 1, adults: 205_200, enumerationAreas: 1_250),
    Stratum(region: 2, urban: 2, adults: 334_800, enumerationAreas: 2_300),
    Stratum(region: 3, urban: 1, adults: 118_800, enumerationAreas: 720),
    Stratum(region: 3, urban: 2, adults: 421_200, enumerationAreas: 2_900),
    Stratum(region: 4, urban: 1, adults: 62_100, enumerationAreas: 380),
    Stratum(region: 4, urban: 2, adults: 167_900, enumerationAreas: 1_150),
    Stratum(region: 5, urban: 1, adults: 34_200, enumerationAreas: 210),
    Stratum(region: 5, urban: 2, adults: 55_800, enumerationAreas: 370),
  ]

  /// Adults in the whole frame.
  static let adults: Int = strata.reduce(0) { $0 + $1.adults }

  /// Sample allocation: a stratum's share of PSUs is proportional to adults^0.8, a mild
  /// oversampling of small strata (Găgăuzia, Sud urban, Chișinău rural), as national surveys do
  /// to keep regional estimates usable.
  static let allocationExponent = 0.8

  /// Each stratum's target share of the PSUs (sums to 1).
  static let allocationShares: [Double] = {
    let raw = strata.map { PortableMath.pow(Double($0.adults), allocationExponent) }
    let total = raw.reduce(0, +)
    return raw.map { $0 / total }
  }()
}
