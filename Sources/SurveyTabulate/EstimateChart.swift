import Foundation
import SurveyCore

/// The bar chart of a table in `tables.html`: one horizontal bar per estimate (rows of the wide
/// table, grouped, then domains), its interval as a whisker, a line at 0; suppressed and empty
/// cells are left out. Inline SVG, sized by its bars.
enum EstimateChart {
  static let labelWidth = 330.0
  static let plotWidth = 360.0
  static let barHeight = 18.0

  static func svg(_ grid: WideGrid, table: EstimateTable) -> String {
    var bars: [(label: String, row: EstimateRow)] = []
    for (r, rowLabel) in grid.rowLabels.enumerated() {
      for (c, column) in grid.columns.enumerated() {
        guard let row = grid.cells[r][c], !row.suppressed, row.estimate != nil else { continue }
        bars.append((grid.columns.count > 1 ? "\(rowLabel) · \(column)" : rowLabel, row))
      }
    }
    guard !bars.isEmpty else { return "" }
    let values = bars.flatMap { [$0.row.estimate, $0.row.ciLow, $0.row.ciHigh].compactMap { $0 } }
    let low = min(0, values.min() ?? 0)
    var high = max(0, values.max() ?? 0)
    if high == low { high = low + 1 }
    func x(_ value: Double) -> Double { labelWidth + (value - low) / (high - low) * plotWidth }
    let height = Double(bars.count) * barHeight + 24
    let width = labelWidth + plotWidth + 100
    var svg = "<svg width=\"\(format(width))\" height=\"\(format(height))\" viewBox=\"0 0 \(format(width)) \(format(height))\" role=\"img\" "
    svg += "aria-label=\"\(HTMLText.escape(table.title))\">\n"
    for (index, bar) in bars.enumerated() {
      svg += self.bar(bar.label, bar.row, top: Double(index) * barHeight + 4, x: x, table: table)
    }
    svg += "<line x1=\"\(format(x(0)))\" y1=\"0\" x2=\"\(format(x(0)))\" y2=\"\(format(height - 20))\" stroke=\"#333\"/>\n"
    svg += "<text x=\"\(format(labelWidth))\" y=\"\(format(height - 4))\">\(HTMLText.escape(EstimateMarkdown.readable(low)))</text>"
    svg += "<text x=\"\(format(labelWidth + plotWidth))\" y=\"\(format(height - 4))\" text-anchor=\"end\">"
    svg += "\(HTMLText.escape(EstimateMarkdown.readable(high)))</text>\n"
    return svg + "</svg>\n"
  }

  /// One bar with its label, its whisker and its value.
  static func bar(_ label: String, _ row: EstimateRow, top: Double, x: (Double) -> Double, table: EstimateTable) -> String {
    let estimate = row.estimate ?? 0
    let start = min(x(0), x(estimate))
    let width = max(1, abs(x(estimate) - x(0)))
    let middle = top + barHeight / 2 - 2
    let colour = row.isUnreliable(above: table.cvFlag) ? "#e0a526" : "#3b75af"
    var svg = "<text x=\"\(format(labelWidth - 6))\" y=\"\(format(middle + 4))\" text-anchor=\"end\">"
    svg += "\(HTMLText.escape(shortened(label)))</text>"
    svg += "<rect x=\"\(format(start))\" y=\"\(format(top))\" width=\"\(format(width))\" height=\"\(format(barHeight - 4))\" fill=\"\(colour)\"/>"
    if let ciLow = row.ciLow, let ciHigh = row.ciHigh {
      svg += "<line x1=\"\(format(x(ciLow)))\" y1=\"\(format(middle))\" x2=\"\(format(x(ciHigh)))\" y2=\"\(format(middle))\" stroke=\"#111\"/>"
      for end in [ciLow, ciHigh] {
        svg += "<line x1=\"\(format(x(end)))\" y1=\"\(format(middle - 4))\" x2=\"\(format(x(end)))\" y2=\"\(format(middle + 4))\" stroke=\"#111\"/>"
      }
    }
    svg += "<text x=\"\(format(labelWidth + plotWidth + 6))\" y=\"\(format(middle + 4))\">"
    return svg + "\(HTMLText.escape(EstimateMarkdown.readable(estimate)))</text>\n"
  }

  /// A label cut to 46 characters, so that it fits beside the bars.
  static func shortened(_ label: String) -> String {
    label.count <= 46 ? label : String(label.prefix(45)) + "…"
  }

  /// A coordinate with at most two decimals.
  static func format(_ value: Double) -> String {
    NumberFormatting.string((value * 100).rounded() / 100)
  }
}
