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

  /// R's statistics not built yet, with a message.
  public static let notBuilt: [String: String] = [
    "Wald": "the Wald tests (Wald, adjWald) of svychisq; use F or Chisq",
    "adjWald": "the Wald tests (Wald, adjWald) of svychisq; use F or Chisq",
  ]
}
