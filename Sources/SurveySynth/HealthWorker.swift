import SurveyCore

/// One health worker of the synthetic registry, drawn from the worker's own random stream: the
/// fixed facts (profession, sex, birth year, countries, region, ownership, activity status) and
/// the years registered, the last possibly ending in an exit.
struct HealthWorker: Sendable {
  /// The ISCO-08 codes of the professions, with each one's share of the registry, share of
  /// women and share in the private sector.
  static let professions: [(isco: Int, share: Double, female: Double, privateSector: Double)] = [
    (221, 0.30, 0.68, 0.12),  // medical doctors
    (2221, 0.10, 0.95, 0.08),  // nursing professionals
    (3221, 0.38, 0.97, 0.08),  // nursing associate professionals
    (2222, 0.01, 0.99, 0.05),  // midwifery professionals
    (3222, 0.04, 0.99, 0.05),  // midwifery associate professionals
    (2261, 0.05, 0.58, 0.65),  // dentists
    (2262, 0.12, 0.86, 0.72),  // pharmacists
  ]
  /// Regions (codes 1–5, as the migrant-health codebook) and their shares of health workers.
  static let regionShares = [0.42, 0.20, 0.20, 0.12, 0.06]
  /// Countries of birth other than Moldova (ISO 3166 alpha-3) and their shares among the foreign-born.
  static let foreignCountries = [("UKR", 0.40), ("ROU", 0.25), ("RUS", 0.25), ("BLR", 0.10)]
  /// The shares above as running sums, for ``SurveyCore/SplitMix64/pick(_:)``: made once, not per
  /// worker.
  static let professionSums = RespondentModel.cumulative(professions.map(\.share))
  static let regionSums = RespondentModel.cumulative(regionShares)
  static let foreignSums = RespondentModel.cumulative(foreignCountries.map(\.1))
  /// The registry's years.
  static let years = 2023...2025

  let id: Int
  let isco: Int
  let sex: Int
  let birthYear: Int
  let countryOfBirth: String
  let countryOfTraining: String
  let region: Int
  let ownership: Int
  /// 1 practising, 2 professionally active (not practising), 3 licensed, not active.
  let activity: Int
  let firstYear: Int
  /// Per year registered, from `firstYear`: whether a certificate of good standing was
  /// requested, and the exit in that year (1 retired, 2 died, 3 emigrated, 4 left the
  /// profession), if any (then the year is the last).
  let years: [(year: Int, certificate: Bool, exit: Int?)]

  init(id: Int, seed: UInt64) {
    var random = SplitMix64(seed: seed, key: UInt64(id), salt: 0x4857)
    self.id = id
    let profession = Self.professions[random.pick(Self.professionSums)]
    isco = profession.isco
    sex = random.chance(profession.female) ? 2 : 1
    let ageIn2023 = 24 + random.below(44)
    birthYear = 2023 - ageIn2023
    region = 1 + random.pick(Self.regionSums)
    ownership = random.chance(profession.privateSector) ? 2 : 1
    if random.chance(0.94) {
      countryOfBirth = "MDA"
      countryOfTraining = random.chance(0.05) ? (random.chance(0.6) ? "ROU" : "RUS") : "MDA"
    } else {
      countryOfBirth = Self.foreignCountries[random.pick(Self.foreignSums)].0
      countryOfTraining = random.chance(0.55) ? countryOfBirth : "MDA"
    }
    let activityDraw = random.uniform()
    activity = activityDraw < 0.86 ? 1 : (activityDraw < 0.93 ? 2 : 3)
    firstYear = random.chance(0.9) ? 2023 : (random.chance(0.5) ? 2024 : 2025)
    var years: [(year: Int, certificate: Bool, exit: Int?)] = []
    for year in firstYear...Self.years.upperBound {
      let age = year - birthYear
      let mobile = age < 40 && (isco == 221 || isco == 2221 || isco == 3221)
      var certificate = random.chance(mobile ? 0.07 : 0.02)
      let exit = Self.exit(age: age, mobile: mobile, random: &random)
      if exit == 3, !certificate { certificate = random.chance(0.6) }
      years.append((year, certificate, exit))
      if exit != nil { break }
    }
    self.years = years
  }

  /// An exit in a year at `age`, or nil: retirement mostly from 63, death more likely with age,
  /// emigration more likely for young doctors and nurses.
  static func exit(age: Int, mobile: Bool, random: inout SplitMix64) -> Int? {
    let retired = age >= 63 ? 0.14 : 0.002
    let died = age >= 60 ? 0.008 : 0.002
    let emigrated = 0.012 + (mobile ? 0.02 : 0)
    let left = 0.01
    let u = random.uniform()
    if u < retired { return 1 }
    if u < retired + died { return 2 }
    if u < retired + died + emigrated { return 3 }
    if u < retired + died + emigrated + left { return 4 }
    return nil
  }
}
