import SurveyDesign

/// Where design weights came from.
public enum WeightRule: Sendable, Equatable {
  /// A column of weights.
  case weight(column: String)
  /// 1 / a column of selection probabilities.
  case probability(column: String)
  /// The product over stages of N/n, from fpc columns of population counts.
  case fpcCounts(columns: [String])
  /// The product over stages of 1/fraction, from fpc columns of sampling fractions.
  case fpcFractions(columns: [String])
  /// No weight, probability or fpc: every row weighs 1.
  case equal
  /// A census (`census: true`): every unit of the population is a row and weighs 1.
  case census

  /// The rule's name in `weights.json`.
  public var name: String {
    switch self {
    case .weight: return "weight"
    case .probability: return "probability"
    case .fpcCounts: return "fpc-count"
    case .fpcFractions: return "fpc-fraction"
    case .equal: return "equal"
    case .census: return "census"
    }
  }

  /// The columns the rule reads.
  public var columns: [String] {
    switch self {
    case .weight(let column), .probability(let column): return [column]
    case .fpcCounts(let columns), .fpcFractions(let columns): return columns
    case .equal, .census: return []
    }
  }
}

/// The design weights of every row, with how they were obtained.
public struct DesignWeights: Sendable {
  /// One positive weight per row of the table.
  public var values: [Double]
  public var rule: WeightRule
  /// Things worth telling the user that are not errors (equal weights assumed, as R warns).
  public var notes: [String]

  public init(values: [Double], rule: WeightRule, notes: [String] = []) {
    self.values = values
    self.rule = rule
    self.notes = notes
  }
}
