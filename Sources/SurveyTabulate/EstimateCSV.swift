import SurveyCore

/// Writes estimate rows as CSV: `statistic,variable,level,<by columns>,estimate,se,ci_low,ci_high,deff,df,n`.
public enum EstimateCSV {
  /// The CSV text, header included, one line per row, each ending in a line feed.
  ///
  /// Missing numbers (no estimate, no deff, suppressed cells) are blank; numbers read back as the
  /// same double.
  /// - Parameters:
  ///   - rows: the estimates.
  ///   - byColumns: the by-variable columns, in order (default: those of the rows).
  public static func text(_ rows: [EstimateRow], byColumns: [String]? = nil) -> String {
    let byColumns = byColumns ?? rows.byVariables
    let header = ["statistic", "variable", "level"] + byColumns + ["estimate", "se", "ci_low", "ci_high", "deff", "df", "n"]
    var out = header.map(field).joined(separator: ",") + "\n"
    for row in rows {
      var fields = [row.statistic.rawValue, row.variable, row.level ?? ""]
      for name in byColumns { fields.append(row.by.first { $0.variable == name }?.level ?? "") }
      fields += [row.estimate, row.se, row.ciLow, row.ciHigh, row.deff].map(CSVWriter.number)
      fields += [String(row.df), String(row.n)]
      out += fields.map(field).joined(separator: ",") + "\n"
    }
    return out
  }

  /// A cell, quoted only when it holds a comma, quote or line break.
  static func field(_ text: String) -> String { CSVWriter.escape(text, quotingEdgeSpaces: false) }
}
