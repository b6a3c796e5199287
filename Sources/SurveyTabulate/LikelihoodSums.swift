/// Per domain, what the profile-likelihood interval of each level's proportion needs beyond
/// its estimate and SE: the sums that start R's fit (``QuasiBinomialFit/Start``).
struct LikelihoodSums {
  /// Per domain: the fit's start with every row a failure; [domain][level]: the level's rows
  /// as successes and as failures. A level's start is all + successes − failures.
  var failures: [QuasiBinomialFit.Start]
  var levelSuccesses: [[QuasiBinomialFit.Start]]
  var levelFailures: [[QuasiBinomialFit.Start]]
  /// Per domain: the rows of its design (R's N) and the mean prior weight w̄ = Σw / N.
  var rows: [Int]
  var meanWeight: [Double]
}
