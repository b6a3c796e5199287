import Foundation
import SurveyCore

/// Writes estimate tables as Markdown for people: a heading per table and a pipe table with
/// numbers rounded to four significant digits (whole numbers from 1000 up).
public enum EstimateMarkdown {
  /// The Markdown text of `tables`, separated by blank lines.
  public static func text(_ tables: [EstimateTable]) -> String {
    tables.map(table).joined(separator: "\n")
  }

  /// One table: `## title`, then the pipe table.
  ///
  /// Columns: level (when a row has one), quantile (the probability, when a row has one), the by-variables, estimate, se, the CI, deff (when a
  /// row has one), df and n. A suppressed row reads "suppressed (n<K)"; an empty domain "–".
  public static func table(_ table: EstimateTable) -> String {
    let rows = table.rows
    let hasLevel = rows.contains { $0.level != nil }
    let hasQuantile = rows.contains { $0.quantile != nil }
    let hasDeff = rows.contains { $0.deff != nil }
    let byColumns = rows.byVariables
    var header: [String] = (hasLevel ? ["level"] : []) + (hasQuantile ? ["quantile"] : [])
    header += byColumns + ["estimate", "se", table.intervalHeader]
    if hasDeff { header.append("deff") }
    header += ["df", "n"]
    var alignment: [String] = (hasLevel ? ["---"] : []) + (hasQuantile ? ["---:"] : []) + byColumns.map { _ in "---" }
    alignment += ["---:", "---:", "---"] + (hasDeff ? ["---:"] : []) + ["---:", "---:"]
    var lines = ["## \(table.title)", ""]
    for note in table.notes { lines += [note, ""] }
    lines += [line(header), line(alignment)]
    for row in rows {
      var cells: [String] = hasLevel ? [row.level.map { table.labelled($0, of: row.variable) } ?? ""] : []
      if hasQuantile { cells.append(row.quantile.map { NumberFormatting.string($0) } ?? "") }
      cells += byColumns.map { table.domainLabel(row, $0) }
      if row.suppressed {
        cells += ["suppressed (n<\(table.suppressBelow.map(String.init) ?? "?"))", "", ""]
      } else if let estimate = row.estimate {
        let interval = row.ciLow.flatMap { low in row.ciHigh.map { "\(readable(low)) – \(readable($0))" } }
        let mark = row.isUnreliable(above: table.cvFlag) ? " \(unreliableMark)" : ""
        cells += [readable(estimate) + mark, row.se.map(readable) ?? "", interval ?? ""]
      } else {
        cells += ["–", "", ""]
      }
      if hasDeff { cells.append(row.deff.map(readable) ?? "") }
      cells += [String(row.df), String(row.n)]
      lines.append(line(cells))
    }
    if rows.contains(where: { !$0.suppressed && $0.isUnreliable(above: table.cvFlag) }) {
      lines += ["", "\(unreliableMark) CV (SE / |estimate|) above \(NumberFormatting.string(table.cvFlag)): use with caution."]
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The mark of an estimate whose CV is above the table's threshold.
  public static let unreliableMark = "†"

  /// Tests of association: `## TITLE` (default `tests of association`), then a pipe table.
  public static func tests(_ tests: [TestRow], title: String = "tests of association") -> String {
    var lines = ["## \(title)", "", line(["test", "variables", "statistic", "ndf", "ddf", "p-value"])]
    lines.append(line(["---", "---", "---:", "---:", "---:", "---:"]))
    for test in tests {
      lines.append(
        line(
          [test.test, test.variables.joined(separator: " × ")]
            + [test.statistic, test.ndf, test.ddf, test.pValue].map { $0.map(readable) ?? "" }))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `value` rounded for reading: four significant digits, whole numbers from 1000 up.
  public static func readable(_ value: Double) -> String {
    guard value.isFinite else { return "" }
    if value == 0 { return "0" }
    let magnitude = abs(value)
    if magnitude >= 1000 { return String(format: "%.0f", value) }
    let exponent = Int(Foundation.floor(Foundation.log10(magnitude)))
    var decimals = min(6, max(0, 3 - exponent))
    var text = String(format: "%.\(decimals)f", value)
    // Rounding up to the next power of ten (0.99996 → 1.0000) leaves one digit too many.
    if decimals > 0, let rounded = Double(text), abs(rounded) >= Foundation.pow(10, Double(exponent + 1)) {
      decimals -= 1
      text = String(format: "%.\(decimals)f", value)
    }
    // "-0.000000" reads better as "0".
    return text.allSatisfy { "-0.".contains($0) } ? "0" : text
  }

  static func percent(_ level: Double) -> String {
    NumberFormatting.string((level * 100 * 1e6).rounded() / 1e6)
  }

  static func line(_ cells: [String]) -> String {
    "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
  }
}
