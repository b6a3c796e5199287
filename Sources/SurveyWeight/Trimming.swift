import SurveyCore

/// Weight trimming, as R's `trimWeights`: weights below the lower bound or above the upper one
/// are set to the bound, and the amount trimmed is added in equal parts to the other weights, so
/// the sum is kept. With `strict`, this repeats (R calls itself again) until no weight is
/// outside the bounds. Bounds may be given relative to the median or mean weight. Rows with
/// weight 0 (nonrespondents) are left alone.
struct Trimming {
  let spec: TrimSpec

  /// The most rounds of a strict trimming before giving up.
  static let maximumRounds = 10_000

  /// The trimmed weights and the step's report.
  ///
  /// - Throws: ``WeightError/trimInfeasible(reason:)`` when the bounds cross, when every weight
  ///   is outside them, or when strict trimming cannot keep the sum within n × the bounds.
  func apply(_ weights: [Double]) throws -> (weights: [Double], step: WeightStep) {
    let rows = weights.indices.filter { weights[$0] != 0 }
    guard !rows.isEmpty else { throw WeightError.noWeights(step: "trim") }
    let reference = Self.reference(spec.relativeTo, rows.map { weights[$0] })
    let lower = spec.lower.map { $0 * reference } ?? -.infinity
    let upper = spec.upper.map { $0 * reference } ?? .infinity
    guard lower <= upper else {
      throw WeightError.trimInfeasible(reason: "the lower bound \(WeightError.number(lower)) is above the upper bound \(WeightError.number(upper))")
    }
    var values = rows.map { weights[$0] }
    let sum = values.reduce(0, +)
    let n = Double(values.count)
    if spec.strict, sum > n * upper || sum < n * lower {
      throw WeightError.trimInfeasible(
        reason: "\(values.count) weights adding up to \(WeightError.number(sum)) cannot all lie within \(WeightError.number(lower)) and \(WeightError.number(upper)); strict trimming would never end")
    }
    var everTrimmed = [Bool](repeating: false, count: values.count)
    var rounds = 0
    while true {
      let outside = values.map { $0 < lower || $0 > upper }
      let inside = outside.filter { !$0 }.count
      if inside == values.count { break }
      guard inside > 0 else {
        throw WeightError.trimInfeasible(reason: "every weight is outside the bounds \(WeightError.number(lower)) and \(WeightError.number(upper))")
      }
      rounds += 1
      var trimmings = 0.0
      for index in values.indices where outside[index] {
        let bounded = min(max(values[index], lower), upper)
        trimmings += values[index] - bounded
        values[index] = bounded
        everTrimmed[index] = true
      }
      let share = trimmings / Double(inside)
      for index in values.indices where !outside[index] { values[index] += share }
      if !spec.strict { break }
      guard rounds < Self.maximumRounds else {
        throw WeightError.trimInfeasible(reason: "strict trimming did not settle in \(Self.maximumRounds) rounds")
      }
    }
    var trimmed = weights
    for (index, row) in rows.enumerated() { trimmed[row] = values[index] }
    var report = WeightStep(step: "trim", method: spec.strict ? "strict" : "once", after: WeightSummary(trimmed))
    report.lower = lower.isFinite ? lower : nil
    report.upper = upper.isFinite ? upper : nil
    report.trimmed = everTrimmed.filter { $0 }.count
    report.rounds = rounds
    return (trimmed, report)
  }

  /// The median or mean of `values` (R's `median`: the mean of the middle two for an even count),
  /// or 1 for absolute bounds.
  static func reference(_ kind: TrimReference, _ values: [Double]) -> Double {
    switch kind {
    case .absolute:
      return 1
    case .mean:
      return values.reduce(0, +) / Double(values.count)
    case .median:
      let sorted = values.sorted()
      let middle = sorted.count / 2
      return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
  }
}
