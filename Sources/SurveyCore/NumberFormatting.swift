/// Writes numbers so that they read back as the same `Double`.
public enum NumberFormatting {
  /// `value` as text: whole numbers within ±2^53 with all their digits and no fraction (`35`,
  /// `9007199254740992`), others in the shortest form that reads back as the same double (`12.5`,
  /// `0.1`, `1e-20`, `1e+16`).
  ///
  /// - Parameter integer: the value belongs to an integer column (always written without fraction).
  public static func string(_ value: Double, integer: Bool = false) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-Inf" : "Inf" }
    if value == value.rounded(.towardZero), abs(value) <= NumberText.largestExactWholeNumber {
      if value == 0 { return "0" }
      return String(Int64(value))
    }
    return "\(value)"
  }
}
