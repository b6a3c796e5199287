/// Who lives in a stratum: the age and sex make-up of adults, shared by the row generator and by
/// the population margins so that the two agree.
enum PopulationModel {
  /// Age groups of the codebook (`age_group` 1–4) with their first and last ages.
  static let ageGroups: [ClosedRange<Int>] = [18...29, 30...44, 45...59, 60...95]

  /// Shares of the age groups among adults, for urban (first) and rural (second) strata:
  /// villages are older.
  static let ageGroupShares: [[Double]] = [
    [0.21, 0.30, 0.23, 0.26],
    [0.15, 0.25, 0.25, 0.35],
  ]

  /// Share of women in each age group (women outlive men).
  static let femaleShares: [Double] = [0.48, 0.50, 0.53, 0.60]

  /// Relative numbers of people at each age 60…95 (fewer with every year).
  static let oldAgeWeights: [Double] = (60...95).map { PortableMath.exp(-Double($0 - 60) / 11) }

  /// The age group (1–4) of an age.
  static func ageGroup(of age: Int) -> Int {
    age < 30 ? 1 : (age < 45 ? 2 : (age < 60 ? 3 : 4))
  }

  /// Expected adults in each level of `sex` (1, 2), `region` (1–5) and `age_group` (1–4) for
  /// the strata's populations.
  static func expectedTotals(of strata: [StratumDesign]) -> (sex: [Double], region: [Double], ageGroup: [Double]) {
    var sex = [0.0, 0.0]
    var region = [Double](repeating: 0, count: 5)
    var ageGroup = [Double](repeating: 0, count: 4)
    for design in strata {
      let adults = Double(design.adults)
      region[design.stratum.region - 1] += adults
      let shares = ageGroupShares[design.stratum.urban - 1]
      for group in 0..<4 {
        ageGroup[group] += adults * shares[group]
        sex[1] += adults * shares[group] * femaleShares[group]
        sex[0] += adults * shares[group] * (1 - femaleShares[group])
      }
    }
    return (sex, region, ageGroup)
  }
}
