#if arch(x86_64) && !os(Windows)
  /// R accumulates `sum()`, `cumsum()` and `mean()` in C's long double; so do we where it exists
  /// (x86-64's 80-bit format), so that sums of weights round as R's do.
  typealias LongDouble = Float80
#else
  typealias LongDouble = Double
#endif
