extension EstimateRow {
  /// The statistic as written: `difference` for a difference row, else the statistic's name.
  public var statisticName: String { difference == nil ? statistic.rawValue : "difference" }

  /// The level of `by`-variable `name` as written: for a difference's variable, `TO - FROM`.
  public func byLevel(_ name: String) -> String? {
    if let difference, difference.variable == name { return "\(difference.to) - \(difference.from)" }
    return by.first { $0.variable == name }?.level
  }

  /// The default threshold of ``isUnreliable(above:)``: a CV above 30%, as statistical offices
  /// mark estimates to use with caution.
  public static let defaultCVFlag = 0.3

  /// The coefficient of variation, SE / |estimate|; nil without both, for an estimate of 0, and
  /// for a suppressed row.
  public var cv: Double? {
    // A difference is often near 0: its CV says nothing about its reliability.
    guard difference == nil, let estimate, let se, estimate != 0 else { return nil }
    let cv = se / abs(estimate)
    return cv.isFinite ? cv : nil
  }

  /// Whether the CV is above `threshold`: an estimate too uncertain to publish without a mark.
  public func isUnreliable(above threshold: Double) -> Bool {
    guard let cv else { return false }
    return cv > threshold
  }
}
