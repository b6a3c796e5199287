import SurveyCore

/// `outlier` (`checks.outliers`): a value below Q1 − k·IQR or above Q3 + k·IQR (Tukey's fences),
/// the quartiles taken over the variable's present values of the whole table with R's default
/// quantile definition (type 7: linear interpolation between order statistics, h = (n − 1)·p).
/// Variables with fewer than four values are not checked.
public struct OutlierRule: ValidationRule {
  public let id = RuleID.outlier

  public init() {}

  static func message(_ variable: Variable, k: Double, fences: ClosedRange<Double>) -> String {
    let low = NumberFormatting.string(fences.lowerBound)
    let high = NumberFormatting.string(fences.upperBound)
    return "\(variable.name) is more than \(NumberFormatting.string(k)) interquartile ranges beyond the quartiles "
      + "(outside \(low) to \(high))"
  }

  /// The `p` quantile of `sorted` (ascending, not empty), R's type 7.
  public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
    let h = Double(sorted.count - 1) * p
    let low = Int(h.rounded(.down))
    guard low + 1 < sorted.count else { return sorted[low] }
    return sorted[low] + (h - Double(low)) * (sorted[low + 1] - sorted[low])
  }

  /// Tukey's fences `[Q1 − k·IQR, Q3 + k·IQR]` of `values`, nil with fewer than four values.
  public static func fences(_ values: [Double], k: Double) -> ClosedRange<Double>? {
    guard values.count >= 4 else { return nil }
    let sorted = values.sorted()
    let q1 = quantile(sorted, 0.25)
    let q3 = quantile(sorted, 0.75)
    let iqr = q3 - q1
    return (q1 - k * iqr)...(q3 + k * iqr)
  }

  public func check(_ context: ValidationContext) throws -> [Finding] {
    guard let check = context.checks?.outliers else { return [] }
    var findings: [Finding] = []
    for name in check.variables {
      guard let variable = context.codebook.variable(named: name), let column = context.table.column(name),
        let numbers = column.numbers
      else { continue }
      let rows = (0..<column.count).filter { column.state[$0] == .present && !context.skipsRow[$0] }
      guard let fences = Self.fences(rows.map { numbers[$0] }, k: check.k) else { continue }
      for row in rows where !fences.contains(numbers[row]) {
        findings.append(context.finding(.warning, id, variable, row: row, Self.message(variable, k: check.k, fences: fences)))
      }
    }
    return findings
  }
}
