/// Writes numbers so that they read back as the same `Double`.
public enum NumberFormatting {
  /// `value` as text: whole numbers without a fraction (`35`, `250`), others in the shortest form
  /// that reads back as the same double (`12.5`, `0.1`, `1e-20`).
  ///
  /// - Parameter integer: the value belongs to an integer column (always written without fraction).
  public static func string(_ value: Double, integer: Bool = false) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-Inf" : "Inf" }
    if value == value.rounded(.towardZero), abs(value) < 1e15 {
      if value == 0 { return "0" }
      return String(Int64(value))
    }
    return "\(value)"
  }
}
