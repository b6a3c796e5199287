import SurveyCore

/// A test of association between two categorical variables, a `tests` row of the output.
public struct TestRow: Sendable, Equatable {
  /// The statistic's kind, as R's `svychisq(statistic = )`: `F` or `Chisq`.
  public var test: String
  public var variables: [String]
  public var statistic: Double?
  /// Numerator degrees of freedom (for `Chisq`, the χ² df).
  public var ndf: Double?
  /// Denominator degrees of freedom (`F` only).
  public var ddf: Double?
  public var pValue: Double?

  public init(test: String, variables: [String], statistic: Double?, ndf: Double?, ddf: Double?, pValue: Double?) {
    self.test = test
    self.variables = variables
    self.statistic = statistic
    self.ndf = ndf
    self.ddf = ddf
    self.pValue = pValue
  }
}

/// The Rao–Scott tests of R's `svychisq`.
public enum ChiSquareStatistic: String, Sendable, CaseIterable {
  /// Pearson's X² divided by the mean generalized design effect, referred to F(d, dν) with
  /// Satterthwaite's d (R's default).
  case f = "F"
  /// Pearson's X² with the first-order correction, referred to χ².
  case chisq = "Chisq"
  /// The design-based Wald test of independence (Koch et al.), referred to F((r−1)(c−1), ν).
  case wald = "Wald"
  /// The same with the adjustment for the design's degrees of freedom: F((r−1)(c−1), ν − (r−1)(c−1) + 1).
  case adjustedWald = "adjWald"

  /// R's statistics survey-pipe does not compute (lincom, saddlepoint), refused by name with a message.
  public static let notBuilt: [String: String] = [
    "lincom": "the exact asymptotic distribution (lincom) of svychisq; use F, Chisq, Wald or adjWald",
    "saddlepoint": "the saddlepoint approximation of svychisq; use F, Chisq, Wald or adjWald",
  ]
}
