import Foundation

/// A quantile request `VARIABLE@P1,P2,…` (`--quantile oop_cost@0.25,0.5,0.75`, a table's
/// `quantile: "oop_cost@0.25,0.75"`): the variable and its probabilities, each in [0, 1];
/// without `@`, the median.
public struct QuantileRequest: Sendable, Equatable {
  public var variable: String
  public var probabilities: [Double]

  /// Parses `text`; nil when the variable is empty, a probability is not a number from 0 to 1,
  /// or `@` is followed by none.
  public init?(_ text: String) {
    let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
    guard let name = parts.first, !name.isEmpty else { return nil }
    variable = String(name)
    guard parts.count == 2 else {
      probabilities = [0.5]
      return
    }
    var probabilities: [Double] = []
    for item in parts[1].split(separator: ",", omittingEmptySubsequences: false) {
      guard let p = Double(item.trimmingCharacters(in: .whitespaces)), p >= 0, p <= 1 else { return nil }
      probabilities.append(p)
    }
    guard !probabilities.isEmpty else { return nil }
    self.probabilities = probabilities
  }
}
