import SurveyCore

/// Writes estimate rows as CSV: `statistic,variable,level,<by columns>,estimate,se,ci_low,ci_high,deff,df,n,cv,cv_flag`.
///
/// `cv` is SE / |estimate| (blank without one); `cv_flag` is 1 when it is above the threshold, 0
/// when not, blank without a CV. When a row is a difference (statistic `difference`, its
/// variable's by column `TO - FROM`), a column `p_value` holds its two-sided p-value. When a row
/// is a quantile, a last column `quantile` holds its probability.
public enum EstimateCSV {
  /// The CSV text, header included, one line per row, each ending in a line feed.
  ///
  /// Missing numbers (no estimate, no deff, suppressed cells) are blank; numbers read back as the
  /// same double.
  /// - Parameters:
  ///   - rows: the estimates.
  ///   - byColumns: the by-variable columns, in order (default: those of the rows).
  ///   - cvFlag: the CV above which `cv_flag` is 1.
  public static func text(
    _ rows: [EstimateRow], byColumns: [String]? = nil, cvFlag: Double = EstimateRow.defaultCVFlag
  ) -> String {
    let byColumns = byColumns ?? rows.byVariables
    let differences = rows.contains { $0.difference != nil }
    let quantiles = rows.contains { $0.quantile != nil }
    let header =
      ["statistic", "variable", "level"] + byColumns
      + ["estimate", "se", "ci_low", "ci_high", "deff", "df", "n", "cv", "cv_flag"] + (differences ? ["p_value"] : [])
      + (quantiles ? ["quantile"] : [])
    var out = header.map(field).joined(separator: ",") + "\n"
    for row in rows {
      var fields = [row.statisticName, row.variable, row.level ?? ""]
      for name in byColumns { fields.append(row.byLevel(name) ?? "") }
      fields += [row.estimate, row.se, row.ciLow, row.ciHigh, row.deff].map(CSVWriter.number)
      fields += [String(row.df), String(row.n), CSVWriter.number(row.cv)]
      fields.append(row.cv == nil ? "" : row.isUnreliable(above: cvFlag) ? "1" : "0")
      if differences { fields.append(CSVWriter.number(row.pValue)) }
      if quantiles { fields.append(CSVWriter.number(row.quantile)) }
      out += fields.map(field).joined(separator: ",") + "\n"
    }
    return out
  }

  /// Tests of association as CSV: `test,variables,statistic,ndf,ddf,p_value`, the variables
  /// joined by `:`.
  public static func tests(_ tests: [TestRow]) -> String {
    var out = "test,variables,statistic,ndf,ddf,p_value\n"
    for test in tests {
      let fields = [test.test, test.variables.joined(separator: ":")]
        + [test.statistic, test.ndf, test.ddf, test.pValue].map(CSVWriter.number)
      out += fields.map(field).joined(separator: ",") + "\n"
    }
    return out
  }

  /// A cell, quoted only when it holds a comma, quote or line break.
  static func field(_ text: String) -> String { CSVWriter.escape(text, quotingEdgeSpaces: false) }
}
