/// What to do with a stratum that has a single PSU, as R's `options(survey.lonely.psu=)`.
public enum LonelyPSU: String, Sendable, CaseIterable {
  /// Stop with an error (R's default).
  case fail
  /// The stratum contributes nothing to the variance.
  case remove
  /// The PSU is centred at the grand mean instead of its stratum mean.
  case adjust
  /// The stratum gets the average variance of the other strata.
  case average
  /// The PSU is taken with certainty: no contribution.
  case certainty
}

/// The sampling design: which columns carry weights, strata, clusters and population sizes.
public struct DesignSpec: Sendable, Equatable {
  /// The column of design weights, if given.
  public var weight: String?
  /// The column of selection probabilities, if given (weight = 1 / probability).
  public var probability: String?
  public var strata: String?
  /// PSU columns, one per stage; empty = every row is its own PSU.
  public var psu: [String]
  /// Population sizes (counts) or sampling fractions (≤ 1), one per stage.
  public var fpc: [String]
  public var lonelyPSU: LonelyPSU
  /// Replicate weights: standard errors from replicates instead of Taylor linearization (nil:
  /// linearization).
  public var replicates: ReplicateSpec?
  /// The data are a census (`census: true`): a complete registry, every unit of the population
  /// once, with weight 1. Estimates have no sampling error: SE 0 and no confidence interval.
  public var census = false
  /// The line of the pipeline file that holds the design, for messages.
  public var line: Int?

  public init(
    weight: String? = nil, probability: String? = nil, strata: String? = nil, psu: [String] = [],
    fpc: [String] = [], lonelyPSU: LonelyPSU = .fail
  ) {
    self.weight = weight
    self.probability = probability
    self.strata = strata
    self.psu = psu
    self.fpc = fpc
    self.lonelyPSU = lonelyPSU
  }

  /// Every column the design reads.
  public var columns: [String] {
    [weight, probability, strata].compactMap { $0 } + psu + fpc
  }
}
