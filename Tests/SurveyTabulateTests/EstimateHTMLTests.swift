import Foundation
import SurveyCore
import Testing

@testable import SurveyTabulate

@Suite("tables.html: wide tables with marks, a chart, nothing from the network")
struct EstimateHTMLTests {
  static let rows = [
    EstimateRow(
      statistic: .proportion, variable: "insured", level: "1", by: [DomainLevel(variable: "sex", level: "1")],
      estimate: 0.25, se: 0.1, ciLow: 0.1, ciHigh: 0.5, df: 10, n: 40),
    EstimateRow(
      statistic: .proportion, variable: "insured", level: "1", by: [DomainLevel(variable: "sex", level: "2")],
      estimate: 0.5, se: 0.05, ciLow: 0.4, ciHigh: 0.6, df: 10, n: 50),
    EstimateRow(
      statistic: .proportion, variable: "insured", level: "0", by: [DomainLevel(variable: "sex", level: "2")],
      estimate: nil, se: nil, ciLow: nil, ciHigh: nil, df: 10, n: 4, suppressed: true),
  ]
  static let table = EstimateTable(
    title: "insured <by sex>", rows: rows, interval: .logit, suppressBelow: 10,
    labels: ["insured": ["1": "Yes", "0": "No"], "sex": ["1": "Male", "2": "Female & other"]])

  @Test("rows are statistic and level, columns the domains; cells estimate (interval) with marks")
  func wide() {
    let grid = WideGrid(Self.table)
    #expect(grid.rowLabels == ["proportion: 1 Yes", "proportion: 0 No"])
    #expect(grid.columns == ["sex: 1 Male", "sex: 2 Female & other"])
    #expect(grid.cells[0][0]?.estimate == 0.25 && grid.cells[1][0] == nil && grid.cells[1][1]?.suppressed == true)
    let html = EstimateHTML.page(title: "survey <x>", tables: [Self.table])
    // CV 0.1 / 0.25 = 0.4 > 0.3: flagged; 0.05 / 0.5 = 0.1: not.
    #expect(html.contains("<td class=\"num flag\">0.2500 (0.1000 – 0.5000) †</td>"))
    #expect(html.contains("<td class=\"num\">0.5000 (0.4000 – 0.6000)</td>"))
    #expect(html.contains("<td class=\"sup\">suppressed</td>"))
    #expect(html.contains("<th>sex: 2 Female &amp; other</th>"))
    #expect(html.contains("<h2>insured &lt;by sex&gt;</h2>") && html.contains("<title>survey &lt;x&gt;: tables</title>"))
    #expect(html.contains("Cells: estimate (95% CI (logit)). Suppressed: fewer than 10 respondents."))
  }

  @Test("a chart with a bar and a whisker per shown estimate; self-contained")
  func chart() {
    let html = EstimateHTML.page(title: "s", tables: [Self.table])
    #expect(html.components(separatedBy: "<rect ").count - 1 == 2)
    // Two bars, each with a whisker and its two end ticks, and the line at 0.
    #expect(html.components(separatedBy: "<line ").count - 1 == 2 * 3 + 1)
    #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
  }
}

@Suite("tables.html and tables.md: a census table")
struct CensusTableTests {
  @Test("the legend and the interval column say a census has no interval; no CV mark")
  func census() {
    var table = EstimateTable(
      title: "density", rows: [EstimateRow(statistic: .rate, variable: "practising", estimate: 174, se: 0, ciLow: nil, ciHigh: nil, df: 0, n: 316)])
    table.census = true
    let html = EstimateHTML.page(title: "registry", tables: [table])
    #expect(html.contains("Cells: exact figures of a census (no sampling error, so no interval)."))
    #expect(!html.contains("CV (SE"))
    let markdown = EstimateMarkdown.table(table)
    #expect(markdown.contains("| estimate | se | CI (none: a census) | df | n |"))
    #expect(markdown.contains("| 174.0 | 0 |  | 0 | 316 |"))
  }
}
