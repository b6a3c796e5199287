import SurveyCore
import SurveyDesign

/// What the weighting stage produced.
public struct WeightingResult: Sendable {
  /// The design with its final weights, ready for estimation.
  public var design: Design
  /// `weights.json`: every step and the final weights' summary.
  public var diagnostics: WeightDiagnostics
  /// Data problems found while weighting (a nonresponse class with few respondents, negative
  /// weights), for the validation log.
  public var findings: [Finding]
  /// Things worth telling the user that are not problems (equal weights assumed).
  public var notes: [String]

  public init(design: Design, diagnostics: WeightDiagnostics, findings: [Finding], notes: [String]) {
    self.design = design
    self.diagnostics = diagnostics
    self.findings = findings
    self.notes = notes
  }

  /// The final weights.
  public var weights: [Double] { design.weights }
}
