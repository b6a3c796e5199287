/// The two-sided t quantile of a confidence level, remembered per degrees of freedom.
struct QuantileCache {
  let probability: Double
  var known: [Int: Double] = [:]

  init(level: Double) {
    probability = 1 - (1 - level) / 2
  }

  mutating func quantile(df: Int) -> Double {
    if let q = known[df] { return q }
    let q = StudentT.quantile(probability, degreesOfFreedom: Double(df))
    known[df] = q
    return q
  }
}
