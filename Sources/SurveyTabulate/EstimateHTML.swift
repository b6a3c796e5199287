import SurveyCore

/// Writes `tables.html`: every table in a wide layout people publish (rows = the statistic and
/// its level, columns = the domains, cells "estimate (low – high)"), with codebook labels,
/// suppressed and CV-flagged cells marked, and a bar chart with the intervals as whiskers. One
/// self-contained file: no script, no font or image from the network.
public enum EstimateHTML {
  /// The whole page for `tables`, titled `title` (the pipeline's name).
  public static func page(title: String, tables: [EstimateTable], tests: [(name: String, test: TestRow)] = []) -> String {
    var html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(HTMLText.escape(title)): tables</title>
      <style>\(style)</style>
      </head>
      <body>
      <h1>\(HTMLText.escape(title)): tables</h1>

      """
    for table in tables { html += section(table) }
    for (name, test) in tests { html += testSection(name, test) }
    return html + "</body>\n</html>\n"
  }

  static let style = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem;color:#1b1b1b;max-width:80rem}\
    h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}\
    .scroll{overflow-x:auto}table{border-collapse:collapse;font-size:.9rem}\
    th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top}th{background:#f2f2f2;text-align:left}\
    td.num{text-align:right;white-space:nowrap}td.flag{background:#fff4d6}td.sup{color:#777;font-style:italic}\
    .legend{font-size:.85rem;color:#444}svg{max-width:100%;height:auto;margin-top:.5rem}\
    svg text{font-size:12px;font-family:inherit}
    """

  /// One table: heading, the wide table, its legend and its chart.
  static func section(_ table: EstimateTable) -> String {
    let grid = WideGrid(table)
    var html = "<section>\n<h2>\(HTMLText.escape(table.title))</h2>\n"
    for note in table.notes { html += "<p class=\"legend\">\(HTMLText.escape(note))</p>\n" }
    html += "<div class=\"scroll\"><table>\n<tr><th></th>"
    for column in grid.columns { html += "<th>\(HTMLText.escape(column))</th>" }
    html += "</tr>\n"
    for (index, label) in grid.rowLabels.enumerated() {
      html += "<tr><th>\(HTMLText.escape(label))</th>"
      for column in grid.columns.indices { html += cell(grid.cells[index][column], table: table) }
      html += "</tr>\n"
    }
    html += "</table></div>\n<p class=\"legend\">\(HTMLText.escape(legend(table)))</p>\n"
    return html + EstimateChart.svg(grid, table: table) + "</section>\n"
  }

  /// A test of association: its statistic, degrees of freedom and p-value in one small table.
  static func testSection(_ name: String, _ test: TestRow) -> String {
    let numbers = [test.statistic, test.ndf, test.ddf, test.pValue].map { $0.map(EstimateMarkdown.readable) ?? "" }
    var html = "<section>\n<h2>\(HTMLText.escape(name)): test of association</h2>\n<table>\n"
    html += "<tr><th>test</th><th>variables</th><th>statistic</th><th>ndf</th><th>ddf</th><th>p-value</th></tr>\n<tr>"
    html += "<td>\(HTMLText.escape(test.test))</td><td>\(HTMLText.escape(test.variables.joined(separator: " × ")))</td>"
    for number in numbers { html += "<td class=\"num\">\(HTMLText.escape(number))</td>" }
    return html + "</tr>\n</table>\n</section>\n"
  }

  /// A cell: "estimate (low – high)", a mark when suppressed or unreliable, empty when absent.
  static func cell(_ row: EstimateRow?, table: EstimateTable) -> String {
    guard let row else { return "<td></td>" }
    if row.suppressed { return "<td class=\"sup\">suppressed</td>" }
    guard let estimate = row.estimate else { return "<td class=\"num\">–</td>" }
    var text = EstimateMarkdown.readable(estimate)
    if let low = row.ciLow, let high = row.ciHigh {
      text += " (\(EstimateMarkdown.readable(low)) – \(EstimateMarkdown.readable(high)))"
    }
    if let p = row.pValue { text += ", p = \(EstimateMarkdown.readable(p))" }
    guard row.isUnreliable(above: table.cvFlag) else { return "<td class=\"num\">\(HTMLText.escape(text))</td>" }
    return "<td class=\"num flag\">\(HTMLText.escape(text)) \(EstimateMarkdown.unreliableMark)</td>"
  }

  /// What the cells mean: the interval, suppression and the CV mark.
  static func legend(_ table: EstimateTable) -> String {
    var parts = [table.census ? "Cells: exact figures of a census (no sampling error, so no interval)." : "Cells: estimate (\(table.intervalHeader))."]
    if let below = table.suppressBelow { parts.append("Suppressed: fewer than \(below) respondents.") }
    // A census's CV is 0: nothing is ever marked.
    if !table.census {
      parts.append(
        "\(EstimateMarkdown.unreliableMark) CV (SE / |estimate|) above \(NumberFormatting.string(table.cvFlag)): use with caution.")
    }
    return parts.joined(separator: " ")
  }
}

/// A table's rows rearranged wide: one row per statistic and level, one column per domain.
struct WideGrid {
  var rowLabels: [String] = []
  var columns: [String] = []
  /// cells[row][column].
  var cells: [[EstimateRow?]] = []

  init(_ table: EstimateTable) {
    let byVariables = table.rows.byVariables
    var rowIndex: [String: Int] = [:]
    var columnIndex: [String: Int] = [:]
    var placed: [(Int, Int, EstimateRow)] = []
    for row in table.rows {
      let label = Self.rowLabel(row, table: table)
      let column = Self.columnLabel(row, byVariables: byVariables, table: table)
      let r = rowIndex[label] ?? { rowIndex[label] = rowLabels.count; rowLabels.append(label); return rowLabels.count - 1 }()
      let c = columnIndex[column] ?? { columnIndex[column] = columns.count; columns.append(column); return columns.count - 1 }()
      placed.append((r, c, row))
    }
    cells = Array(repeating: Array(repeating: nil, count: columns.count), count: rowLabels.count)
    for (r, c, row) in placed { cells[r][c] = row }
  }

  /// The statistic with its level (and label): "proportion: 1 Yes", "mean of oop_cost",
  /// "median of oop_cost", "quantile 0.25 of oop_cost".
  static func rowLabel(_ row: EstimateRow, table: EstimateTable) -> String {
    if let level = row.level { return "\(row.statistic.rawValue): \(table.labelled(level, of: row.variable))" }
    if let p = row.quantile { return (p == 0.5 ? "median" : "quantile \(NumberFormatting.string(p))") + " of \(row.variable)" }
    return "\(row.statistic.rawValue) of \(row.variable)"
  }

  /// The domain: "all" without by-variables, else each by-variable's labelled level (a
  /// difference's variable as "TO − FROM").
  static func columnLabel(_ row: EstimateRow, byVariables: [String], table: EstimateTable) -> String {
    guard !byVariables.isEmpty else { return "all" }
    return byVariables.map { "\($0): \(table.domainLabel(row, $0))" }.joined(separator: ", ")
  }
}
