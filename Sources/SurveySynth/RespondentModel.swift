/// The behavioural model of the synthetic survey: response, migration, health, insurance and
/// costs, as probability tables built once. Shares follow published patterns for Moldova in
/// broad strokes (one adult in five abroad, Russia dominant in Găgăuzia and the south,
/// Romanian citizenship making work in the EU regular) but are fictional.
struct RespondentModel: Sendable {
  /// Cumulative age-group shares, urban then rural.
  let ageGroups: [[Double]]
  /// Cumulative shares of the ages 60…95 within the 60+ group.
  let oldAges: [Double]
  /// Share of women by age group.
  let femaleShares: [Double]
  /// Cumulative destination shares by region (1–5) and status (current, returned):
  /// index (region − 1) × 2 + status − 1.
  let destinations: [[Double]]
  /// Cumulative shares of self-rated health before departure (1–5) by age at departure 17…95.
  let healthBefore: [[Double]]
  /// Cumulative shares of self-rated health now (1–5), index
  /// ((age − 18) × 2 + chronic) × 2 + injured returnee.
  let healthNow: [[Double]]
  /// Probability of a chronic illness, index ((age − 18) × 2 + female) × 2 + injured returnee.
  let chronic: [Double]

  /// Current and returned migrant shares by age group, before the other factors.
  let currentByAgeGroup = [0.26, 0.28, 0.20, 0.06]
  let returnedByAgeGroup = [0.10, 0.19, 0.20, 0.12]
  /// Migration factors by region (Chișinău less, Găgăuzia and the south more) and area.
  let migrationByRegion = [0.80, 1.05, 1.10, 1.10, 1.20]
  let migrationByArea = [0.90, 1.10]
  /// Response rate adjustments around 88%.
  let responseBase = 0.88
  let responseByAgeGroup = [-0.05, -0.01, 0.02, 0.04]
  let responseByArea = [-0.04, 0.03]
  /// By destination (RU, IT, RO, DE, OT): work injuries, irregular stay, insurance abroad when
  /// regular.
  let injuryByDestination = [0.12, 0.07, 0.05, 0.06, 0.10]
  let irregularByDestination = [0.30, 0.14, 0.03, 0.06, 0.32]
  let insuredByDestination = [0.38, 0.78, 0.85, 0.93, 0.55]
  /// Symptom rates in the last 30 days for someone in fair health (fever, cough, pain, fatigue).
  let symptomRates = [0.05, 0.15, 0.22, 0.18]
  /// Mobile operator prefixes of Moldovan phone numbers (+373 6x xxx xxx).
  let phonePrefixes = [60, 62, 67, 68, 69]
  /// First age and number of ages of each age group.
  let ageGroupStarts = PopulationModel.ageGroups.map(\.lowerBound)
  let ageGroupLengths = PopulationModel.ageGroups.map(\.count)
  /// Share of categorical answers that are "Don't know" (98) and "Refused" (99).
  let dontKnowRate = 0.006
  let refusedRate = 0.004

  /// Destination shares (RU, IT, RO, DE, OT) by region.
  static let destinationsByRegion: [[Double]] = [
    [0.25, 0.25, 0.10, 0.15, 0.25],
    [0.35, 0.20, 0.10, 0.10, 0.25],
    [0.30, 0.30, 0.08, 0.10, 0.22],
    [0.40, 0.20, 0.12, 0.08, 0.20],
    [0.70, 0.05, 0.03, 0.07, 0.15],
  ]

  init() {
    ageGroups = PopulationModel.ageGroupShares.map(Self.cumulative)
    oldAges = Self.cumulative(PopulationModel.oldAgeWeights)
    femaleShares = PopulationModel.femaleShares
    var destinations: [[Double]] = []
    for shares in Self.destinationsByRegion {
      // Returnees went more to Russia in the 1990s and 2000s; today's migrants more to the EU.
      destinations.append(Self.cumulative([shares[0] * 0.8, shares[1], shares[2], shares[3] * 1.4, shares[4]]))
      destinations.append(Self.cumulative([shares[0] * 1.3, shares[1], shares[2], shares[3] * 0.6, shares[4]]))
    }
    self.destinations = destinations
    healthBefore = (17...95).map { age in
      Self.orderedLogit(score: 0.03 * Double(age - 18), cutpoints: [-0.6, 1.6, 3.4, 4.8])
    }
    var now: [[Double]] = []
    var chronic: [Double] = []
    for age in 18...95 {
      let years = Double(age - 18)
      for condition in 0..<2 {  // chronic illness (health now), or female (chronic illness)
        for injured in 0..<2 {  // a returnee injured at work abroad
          now.append(
            Self.orderedLogit(
              score: 0.042 * years + 1.1 * Double(condition) + 0.7 * Double(injured),
              cutpoints: [-0.9, 1.2, 3.0, 4.5]))
          chronic.append(PortableMath.logistic(-2.9 + 0.055 * years + 0.2 * Double(condition) + 0.6 * Double(injured)))
        }
      }
    }
    healthNow = now
    self.chronic = chronic
  }

  /// Running sums of `weights`, divided by their total (the last entry is exactly 1).
  static func cumulative(_ weights: [Double]) -> [Double] {
    let total = weights.reduce(0, +)
    var sum = 0.0
    var result = weights.map { weight -> Double in
      sum += weight
      return sum / total
    }
    result[result.count - 1] = 1
    return result
  }

  /// Cumulative category shares of an ordered logit: P(Y ≤ k) = logistic(cutpoint_k − score).
  static func orderedLogit(score: Double, cutpoints: [Double]) -> [Double] {
    cutpoints.map { PortableMath.logistic($0 - score) } + [1]
  }
}
