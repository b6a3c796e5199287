import SurveyCore
/// Draws the respondent of one row from the row's own random stream, so row *i* depends only on
/// the seed, *i* and its PSU, never on how many rows are written.
struct RespondentGenerator: Sendable {
  let seed: UInt64
  let model = RespondentModel()
  private let strata = MoldovaFrame.strata

  init(seed: UInt64) {
    self.seed = seed
  }

  /// The respondent of `row` (from 0), interviewed in `psu`.
  func respondent(row: Int, in psu: SampledPSU) -> Respondent {
    var random = SplitMix64(seed: seed, key: UInt64(row))
    let stratum = strata[psu.stratum]
    let area = stratum.urban - 1
    var person = Respondent()

    // Listing: who was sampled, and whether they answered.
    let group = random.pick(model.ageGroups[area])
    person.ageGroup = group + 1
    if group < 3 {
      person.age = model.ageGroupStarts[group] + random.below(model.ageGroupLengths[group])
    } else {
      person.age = 60 + random.pick(model.oldAges)
    }
    let female = random.chance(model.femaleShares[group])
    person.sex = female ? 2 : 1
    person.day = psu.profile.startDay + random.below(Fieldwork.daysPerArea)
    person.round = Fieldwork.round(day: person.day)
    let response = model.responseBase + model.responseByAgeGroup[group]
      + model.responseByArea[area] + (female ? 0.02 : -0.02)
    person.responded = random.chance(response)
    guard person.responded else { return person }

    if random.chance(0.86) {
      let prefixes = model.phonePrefixes
      person.phone = prefixes[random.below(prefixes.count)] * 1_000_000 + random.below(1_000_000)
    }

    // Migration.
    let factor = model.migrationByRegion[stratum.region - 1] * model.migrationByArea[area]
      * psu.profile.migrationFactor
    var current = model.currentByAgeGroup[group] * factor * (female ? 0.83 : 1.2)
    var returned = model.returnedByAgeGroup[group] * factor * (female ? 0.85 : 1.15)
    if current + returned > 0.85 {
      let shrink = 0.85 / (current + returned)
      current *= shrink
      returned *= shrink
    }
    let u = random.uniform()
    let status = u < current ? 1 : (u < current + returned ? 2 : 3)
    person.migrantStatus = status

    var injuredReturnee = 0
    if status != 3 {
      let destination = random.pick(model.destinations[(stratum.region - 1) * 2 + status - 1])
      person.destination = destination
      let year = Fieldwork.surveyYear
      let earliest = max(1995, year - person.age + 17)
      let latest = status == 1 ? year : max(earliest, year - 1)
      let span = latest - earliest
      let back = random.uniform()
      // Current migrants left mostly in recent years; returnees any time.
      let yearsBack = Int(Double(span + 1) * (status == 1 ? back * back : back))
      let departed = latest - min(span, yearsBack)
      person.yearDeparted = departed
      if status == 2 {
        let stay = random.below(2) + Int(10 * random.uniform() * random.uniform())
        person.yearReturned = min(year, departed + stay)
      }
      let ageAtDeparture = person.age - (year - departed)
      person.healthBefore = random.pick(model.healthBefore[max(17, ageAtDeparture) - 17]) + 1
      let injured = random.chance(
        model.injuryByDestination[destination] * (female ? 0.6 : 1.4) * (status == 2 ? 1.25 : 1))
      person.injuryAbroad = injured ? 1 : 0
      if injured, status == 2 { injuredReturnee = 1 }
      let irregular = random.chance(model.irregularByDestination[destination])
      person.irregular = irregular ? 1 : 0
      person.insuredAbroad =
        random.chance(model.insuredByDestination[destination] * (irregular ? 0.25 : 1)) ? 1 : 0
    }

    // Health and care, for everyone interviewed.
    let ageIndex = person.age - 18
    let chronic = random.chance(model.chronic[(ageIndex * 2 + (female ? 1 : 0)) * 2 + injuredReturnee])
    person.chronic = chronic ? 1 : 0
    let health = random.pick(model.healthNow[(ageIndex * 2 + person.chronic) * 2 + injuredReturnee]) + 1
    person.healthNow = health
    let old = group == 3
    var insuredRate: Double
    switch status {
    case 1: insuredRate = 0.30
    case 2: insuredRate = old ? 0.93 : 0.70
    default: insuredRate = old ? 0.97 : 0.81
    }
    insuredRate = min(0.99, max(0.05, insuredRate + psu.profile.insuranceShift))
    let insured = random.chance(insuredRate)
    person.insuredCNAM = insured ? 1 : 0
    let unmetRate = (insured ? 0.09 : 0.26) + (health >= 4 ? 0.12 : 0) + (chronic ? 0.05 : 0)
    person.unmetNeed = random.chance(unmetRate) ? 1 : 0
    person.oopCents = outOfPocketCents(
      insured: insured, chronic: chronic, poorHealth: health >= 4, abroad: status == 1, random: &random)
    var symptoms = 0
    let symptomFactor = 0.6 + 0.3 * Double(health)
    for (bit, rate) in model.symptomRates.enumerated() where random.chance(rate * symptomFactor) {
      symptoms |= 1 << bit
    }
    if symptoms == 0b1111 { symptoms = 0b1110 }  // at most three: drop fever
    person.symptoms = symptoms

    // A few answers are "Don't know" or "Refused".
    if status != 3 {
      person.healthBefore = masked(person.healthBefore, &random)
      person.injuryAbroad = masked(person.injuryAbroad, &random)
      person.irregular = masked(person.irregular, &random)
      person.insuredAbroad = masked(person.insuredAbroad, &random)
    }
    person.healthNow = masked(person.healthNow, &random)
    person.chronic = masked(person.chronic, &random)
    person.insuredCNAM = masked(person.insuredCNAM, &random)
    person.unmetNeed = masked(person.unmetNeed, &random)
    person.awareRisks = awareness(row: row, round: person.round, migrant: status != 3, young: group == 0)
    return person
  }

  /// Awareness of the health risks of irregular migration: higher after the campaign (round 2),
  /// among people who migrated and among the young; drawn from the row's second stream, so
  /// that every other column is what it was before the question was added.
  func awareness(row: Int, round: Int, migrant: Bool, young: Bool) -> Int {
    var random = SplitMix64(seed: seed, key: UInt64(row), salt: 1)
    let rate = (round == 1 ? 0.36 : 0.55) + (migrant ? 0.12 : 0) + (young ? 0.05 : 0)
    return masked(random.chance(rate) ? 1 : 0, &random)
  }

  /// Costs in bani: nothing for many, otherwise log-normal-like around a few hundred lei, more
  /// for the uninsured, the chronically ill and those in poor health.
  func outOfPocketCents(
    insured: Bool, chronic: Bool, poorHealth: Bool, abroad: Bool, random: inout SplitMix64
  ) -> Int {
    var zeroRate = insured ? 0.45 : 0.30
    if chronic { zeroRate *= 0.5 }
    if random.chance(zeroRate) { return 0 }
    var median = insured ? 450.0 : 1200.0
    if chronic { median *= 2.2 }
    if poorHealth { median *= 1.6 }
    if abroad { median *= 1.3 }
    // A logistic draw scaled to unit variance stands in for a normal one.
    let u = min(max(random.uniform(), 1e-12), 1 - 1e-12)
    let z = min(3.5, max(-3.5, 0.5513 * PortableMath.log(u / (1 - u))))
    let lei = min(500_000, median * PortableMath.exp(1.15 * z))
    // Most people remember whole lei; receipts give bani.
    if random.chance(0.75) { return max(1, Int(lei.rounded())) * 100 }
    return max(1, Int((lei * 100).rounded()))
  }

  /// `value`, or now and then 98 (Don't know) or 99 (Refused).
  @inline(__always) func masked(_ value: Int, _ random: inout SplitMix64) -> Int {
    let u = random.uniform()
    if u < model.dontKnowRate { return 98 }
    if u < model.dontKnowRate + model.refusedRate { return 99 }
    return value
  }
}
