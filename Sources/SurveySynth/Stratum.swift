/// One sampling stratum of the synthetic frame: a development region crossed with urban/rural.
struct Stratum: Sendable {
  /// Region code of the codebook: 1 Chișinău, 2 Nord, 3 Centru, 4 Sud, 5 UTA Găgăuzia.
  let region: Int
  /// 1 urban, 2 rural.
  let urban: Int
  /// Adults aged 18+ living in the stratum (before any population scaling).
  let adults: Int
  /// Census enumeration areas (PSUs) in the stratum (before any population scaling).
  let enumerationAreas: Int

  /// The stratum code written to the data: region × 10 + urban (11…52).
  var code: Int { region * 10 + urban }
}
