import Foundation

/// The seeds a property test runs: a fixed list, so that CI is deterministic, unless the
/// environment variable `SURVEY_PROPERTY_SEEDS` names others: `17,42` (reproduce those cases)
/// or `random:200` (200 fresh random seeds; each failure prints its seed).
public enum PropertySeeds {
  public static let variable = "SURVEY_PROPERTY_SEEDS"

  public static func list(_ fixed: ClosedRange<UInt64>) -> [UInt64] {
    guard let setting = ProcessInfo.processInfo.environment[variable]?.trimmingCharacters(in: .whitespaces),
      !setting.isEmpty
    else { return Array(fixed) }
    if setting.hasPrefix("random:"), let count = Int(setting.dropFirst("random:".count)) {
      var system = SystemRandomNumberGenerator()
      return (0..<count).map { _ in system.next() >> 16 }
    }
    return setting.split(separator: ",").compactMap { UInt64($0.trimmingCharacters(in: .whitespaces)) }
  }

  /// Keeps a failing case's files in `<tmp>/survey-property-failures/seed-N` and returns how to
  /// reproduce it, with the problems found.
  public static func failureReport(_ survey: GeneratedSurvey, problems: [String]) -> String {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("survey-property-failures/seed-\(survey.seed)").path
    let kept = (try? survey.write(to: folder)) != nil
    return problems.map { "- " + $0 }.joined(separator: "\n") + "\n" + survey.reproduction(folder: kept ? folder : nil)
  }
}
