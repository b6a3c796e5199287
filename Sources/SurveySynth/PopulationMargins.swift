/// Population totals of the synthetic survey's frame for calibration: `margins.csv` with
/// `variable,level,total` rows for `sex`, `region` and `age_group`, in whole adults.
///
/// Totals are the expected numbers implied by the generator's population model, rounded so
/// that every variable adds up to the same population total.
struct PopulationMargins {
  /// Rows of the file in order: variable, level, total.
  let rows: [(variable: String, level: Int, total: Int)]

  init(strata: [StratumDesign]) {
    let population = strata.reduce(0) { $0 + $1.adults }
    let expected = PopulationModel.expectedTotals(of: strata)
    var rows: [(String, Int, Int)] = []
    for (name, totals) in [("sex", expected.sex), ("region", expected.region), ("age_group", expected.ageGroup)] {
      for (index, total) in Self.apportion(totals, to: population).enumerated() {
        rows.append((name, index + 1, total))
      }
    }
    self.rows = rows
  }

  /// The CSV text.
  var csv: String {
    var text = "variable,level,total\n"
    for row in rows { text += "\(row.variable),\(row.level),\(row.total)\n" }
    return text
  }

  /// Whole numbers close to `shares` that add up to `total` (largest remainders; ties go to the
  /// earlier level).
  static func apportion(_ shares: [Double], to total: Int) -> [Int] {
    let sum = shares.reduce(0, +)
    let exact = shares.map { $0 / sum * Double(total) }
    var whole = exact.map { Int($0.rounded(.down)) }
    var left = total - whole.reduce(0, +)
    let order = exact.indices.sorted { a, b in
      let ra = exact[a] - Double(whole[a])
      let rb = exact[b] - Double(whole[b])
      return ra != rb ? ra > rb : a < b
    }
    var index = 0
    while left > 0 {
      whole[order[index % order.count]] += 1
      left -= 1
      index += 1
    }
    return whole
  }
}
