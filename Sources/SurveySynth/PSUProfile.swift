import SurveyCore
/// Random traits of an enumeration area that make respondents in it alike (cluster effects).
struct PSUProfile: Sendable {
  /// The area's size relative to its expected size (0.85–1.20): the design weight's adjustment.
  let sizeFactor: Double
  /// How much more (or less) the area sends people abroad than its stratum (0.6–1.5).
  let migrationFactor: Double
  /// Shift of the CNAM insurance rate in the area (−0.06 to +0.06).
  let insuranceShift: Double
  /// The first fieldwork day in the area, as an offset into the fieldwork window.
  let startDay: Int

  init(seed: UInt64, psuID: Int) {
    var random = SplitMix64(seed: seed, key: UInt64(psuID), salt: 1)
    sizeFactor = 0.85 + 0.35 * random.uniform()
    migrationFactor = 0.6 + 0.9 * random.uniform()
    insuranceShift = -0.06 + 0.12 * random.uniform()
    startDay = random.below(Fieldwork.days - Fieldwork.daysPerArea + 1)
  }
}
