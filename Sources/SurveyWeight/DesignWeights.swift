/// Where design weights came from.
public enum WeightRule: Sendable, Equatable {
  /// A column of weights.
  case weight(column: String)
  /// 1 / a column of selection probabilities.
  case probability(column: String)
  /// N_h / n_h from an fpc column of population counts.
  case fpcCounts(column: String)
  /// N_h / n_h from an fpc column of sampling fractions (N_h = n_h / fraction).
  case fpcFractions(column: String)
  /// No weight, probability or fpc: every row weighs 1.
  case equal

  /// The rule's name in `weights.json`.
  public var name: String {
    switch self {
    case .weight: return "weight"
    case .probability: return "probability"
    case .fpcCounts: return "fpc-count"
    case .fpcFractions: return "fpc-fraction"
    case .equal: return "equal"
    }
  }

  /// The column the rule reads, if any.
  public var column: String? {
    switch self {
    case .weight(let column), .probability(let column), .fpcCounts(let column), .fpcFractions(let column):
      return column
    case .equal:
      return nil
    }
  }
}

/// One weighting step as `weights.json` lists it.
public struct WeightStep: Sendable, Equatable {
  /// The stage: `design` (later: nonresponse, calibration, trimming).
  public var step: String
  /// How the step set the weights, e.g. `weight`, `fpc-count`.
  public var rule: String
  /// The column it read, if any.
  public var column: String?

  public init(step: String, rule: String, column: String? = nil) {
    self.step = step
    self.rule = rule
    self.column = column
  }
}

/// The design weights of every row, with how they were obtained and their diagnostics.
public struct DesignWeights: Sendable {
  /// One positive weight per row of the table.
  public var values: [Double]
  public var rule: WeightRule
  /// Things worth telling the user that are not errors (equal weights assumed, as R warns).
  public var notes: [String]
  public var diagnostics: WeightDiagnostics

  public init(values: [Double], rule: WeightRule, notes: [String] = []) {
    self.values = values
    self.rule = rule
    self.notes = notes
    diagnostics = WeightDiagnostics(
      weights: values, steps: [WeightStep(step: "design", rule: rule.name, column: rule.column)])
  }
}
