/// One stage of a sample: its strata, its sampled units and their population sizes.
///
/// At the first stage the strata come from the strata column (one stratum when there is none);
/// at a later stage every unit of the stage before is a stratum of its own, as in R's
/// `svydesign(ids = ~a + b)`, whose second-stage units are sampled within each first-stage unit.
public struct SampleStage: Sendable {
  /// The stage's number, from 1.
  public let number: Int
  /// The column of unit ids, nil when every row is its own unit.
  public let unitColumn: String?
  /// The stage's units, numbered consecutively within strata.
  public let units: UnitNumbering
  /// Per stratum: the population number of units N (from the stage's fpc), nil without an fpc.
  public let population: [Double]?
  /// Per stratum: f = (N − n)/N, the finite population correction (1 without an fpc).
  public let finiteCorrection: [Double]
  /// Per stratum: its name in messages (nil for an unstratified first stage).
  public let strataLabels: [String]?

  public init(
    number: Int, unitColumn: String?, units: UnitNumbering, population: [Double]?, strataLabels: [String]?
  ) {
    self.number = number
    self.unitColumn = unitColumn
    self.units = units
    self.population = population
    self.strataLabels = strataLabels
    let strata = units.start.count - 1
    finiteCorrection = (0..<strata).map { h in
      let sampled = Double(units.start[h + 1] - units.start[h])
      guard let population, sampled > 0, population[h].isFinite else { return 1 }
      return (population[h] - sampled) / population[h]
    }
  }

  /// The number of strata.
  public var strataCount: Int { units.start.count - 1 }

  /// The number of sampled units.
  public var unitCount: Int { units.stratumOfUnit.count }

  /// The number of units sampled in stratum `h` (n_h).
  public func sampledUnits(inStratum h: Int) -> Int { units.start[h + 1] - units.start[h] }

  /// n_h / N_h, the sampling fraction of stratum `h` (1 without an fpc).
  public func samplingFraction(ofStratum h: Int) -> Double {
    guard let population else { return 1 }
    return Double(sampledUnits(inStratum: h)) / population[h]
  }
}
