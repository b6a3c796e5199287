import SurveyCore

/// `dont-know-share` (`checks.dont_know`): an enumerator whose answers to categorical and
/// numeric questions are missing codes (98 = don't know, 99 = refused, …) more often than
/// `max_share`, among enumerators with at least `min_answers` answers. One finding per
/// enumerator, with the enumerator as its value and no record or line; rows without an
/// enumerator are nobody's and not reported.
public struct DontKnowShareRule: ValidationRule {
  public let id = RuleID.dontKnowShare

  public init() {}

  static func message(dontKnow: Int, answers: Int, check: DontKnowCheck) -> String {
    "\(dontKnow) of this enumerator's \(answers) answers to categorical and numeric questions "
      + "(\(percent(Double(dontKnow) / Double(answers)))) are missing codes, above the limit of \(percent(check.maxShare))"
  }

  /// A share as a percentage with at most one decimal.
  static func percent(_ share: Double) -> String {
    NumberFormatting.string((share * 1000).rounded() / 10) + "%"
  }

  public func check(_ context: ValidationContext) throws -> [Finding] {
    guard let check = context.checks?.dontKnow, let enumerator = context.checks?.enumerator else { return [] }
    let tally = EnumeratorTally(context, enumerator: enumerator)
    var findings: [Finding] = []
    for (k, name) in tally.names.enumerated() where !name.isEmpty && tally.answers[k] >= check.minAnswers {
      guard Double(tally.dontKnow[k]) > check.maxShare * Double(tally.answers[k]) else { continue }
      var finding = Finding(
        severity: .warning, rule: id, value: name,
        message: Self.message(dontKnow: tally.dontKnow[k], answers: tally.answers[k], check: check))
      finding.enumerator = name
      findings.append(finding)
    }
    return findings
  }
}
