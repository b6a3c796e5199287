extension EstimateRow {
  /// The default threshold of ``isUnreliable(above:)``: a CV above 30%, as statistical offices
  /// mark estimates to use with caution.
  public static let defaultCVFlag = 0.3

  /// The coefficient of variation, SE / |estimate|; nil without both, for an estimate of 0, and
  /// for a suppressed row.
  public var cv: Double? {
    guard let estimate, let se, estimate != 0 else { return nil }
    let cv = se / abs(estimate)
    return cv.isFinite ? cv : nil
  }

  /// Whether the CV is above `threshold`: an estimate too uncertain to publish without a mark.
  public func isUnreliable(above threshold: Double) -> Bool {
    guard let cv else { return false }
    return cv > threshold
  }
}
