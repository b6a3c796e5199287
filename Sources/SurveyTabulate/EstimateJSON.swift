import SurveyCore

/// Writes estimate rows as the JSON object of `survey-pipe estimate --format json`:
/// `{"estimates": [...], "tests": []}`.
public enum EstimateJSON {
  /// The JSON text: one estimate object a line, keys in the order `statistic, variable, level,
  /// quantile, by, estimate, se, ci_low, ci_high, deff, df, n, cv, cv_flag`; null for missing
  /// numbers (suppressed cells included); numbers read back as the same double. `cv_flag` is
  /// true when the CV is above `cvFlag`.
  ///
  /// `tests` go to the `tests` array, one object a line: `test, variables, statistic, ndf, ddf,
  /// p_value`.
  public static func text(
    _ rows: [EstimateRow], tests: [TestRow] = [], cvFlag: Double = EstimateRow.defaultCVFlag
  ) -> String {
    func array(_ lines: [String]) -> String {
      lines.isEmpty ? "[]" : "[\n" + lines.map { "    " + $0 }.joined(separator: ",\n") + "\n  ]"
    }
    return "{\n  \"estimates\": " + array(rows.map { object($0, cvFlag: cvFlag) }) + ",\n  \"tests\": "
      + array(tests.map(object)) + "\n}\n"
  }

  /// One test as a JSON object on one line.
  public static func object(_ test: TestRow) -> String {
    JSONText.object([
      ("test", JSONText.string(test.test)),
      ("variables", "[" + test.variables.map { JSONText.string($0) }.joined(separator: ", ") + "]"),
      ("statistic", JSONText.number(test.statistic)),
      ("ndf", JSONText.number(test.ndf)),
      ("ddf", JSONText.number(test.ddf)),
      ("p_value", JSONText.number(test.pValue)),
    ])
  }

  /// One row as a JSON object on one line.
  ///
  /// A difference row has statistic `difference`, `by` without the compared variable, and two
  /// more keys: `"difference": {"variable", "from", "to"}` and `"p_value"`.
  public static func object(_ row: EstimateRow, cvFlag: Double = EstimateRow.defaultCVFlag) -> String {
    var pairs = [
      ("statistic", JSONText.string(row.statisticName)),
      ("variable", JSONText.string(row.variable)),
      ("level", JSONText.string(row.level)),
      ("quantile", JSONText.number(row.quantile)),
      ("by", JSONText.object(row.by.map { ($0.variable, JSONText.string($0.level)) })),
      ("estimate", JSONText.number(row.estimate)),
      ("se", JSONText.number(row.se)),
      ("ci_low", JSONText.number(row.ciLow)),
      ("ci_high", JSONText.number(row.ciHigh)),
      ("deff", JSONText.number(row.deff)),
      ("df", String(row.df)),
      ("n", String(row.n)),
      ("cv", JSONText.number(row.cv)),
      ("cv_flag", row.isUnreliable(above: cvFlag) ? "true" : "false"),
    ]
    if let difference = row.difference {
      pairs.append(
        (
          "difference",
          JSONText.object([
            ("variable", JSONText.string(difference.variable)), ("from", JSONText.string(difference.from)),
            ("to", JSONText.string(difference.to)),
          ])
        ))
      pairs.append(("p_value", JSONText.number(row.pValue)))
    }
    return JSONText.object(pairs)
  }
}
