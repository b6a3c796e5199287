/// Writes estimate rows as the JSON object of `survey-pipe estimate --format json`:
/// `{"estimates": [...], "tests": []}`.
public enum EstimateJSON {
  /// The JSON text: one estimate object a line, keys in the order `statistic, variable, level,
  /// quantile, by, estimate, se, ci_low, ci_high, deff, df, n`; null for missing numbers
  /// (suppressed cells included); numbers read back as the same double.
  public static func text(_ rows: [EstimateRow]) -> String {
    guard !rows.isEmpty else { return "{\n  \"estimates\": [],\n  \"tests\": []\n}\n" }
    let lines = rows.map { "    " + object($0) }
    return "{\n  \"estimates\": [\n" + lines.joined(separator: ",\n") + "\n  ],\n  \"tests\": []\n}\n"
  }

  /// One row as a JSON object on one line.
  public static func object(_ row: EstimateRow) -> String {
    func value(_ number: Double?) -> String { OutputText.number(number) ?? "null" }
    let by = row.by.map { OutputText.jsonString($0.variable) + ": " + OutputText.jsonString($0.level) }
    let members: [(String, String)] = [
      ("statistic", OutputText.jsonString(row.statistic.rawValue)),
      ("variable", OutputText.jsonString(row.variable)),
      ("level", row.level.map(OutputText.jsonString) ?? "null"),
      ("quantile", value(row.quantile)),
      ("by", "{" + by.joined(separator: ", ") + "}"),
      ("estimate", value(row.estimate)),
      ("se", value(row.se)),
      ("ci_low", value(row.ciLow)),
      ("ci_high", value(row.ciHigh)),
      ("deff", value(row.deff)),
      ("df", String(row.df)),
      ("n", String(row.n)),
    ]
    return "{" + members.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
  }
}
