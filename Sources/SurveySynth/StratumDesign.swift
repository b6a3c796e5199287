/// A stratum as sampled for one run: its population (after scaling), its frame of enumeration
/// areas (`fpc`), and the PSUs and rows drawn from it.
struct StratumDesign: Sendable {
  /// The frame stratum.
  let stratum: Stratum
  /// Adults in the stratum, after population scaling.
  let adults: Int
  /// Enumeration areas in the stratum, written as `fpc`; never fewer than the PSUs drawn.
  let fpc: Int
  /// PSUs drawn.
  let psus: Int
  /// Rows (sampled adults) drawn.
  let rows: Int
  /// Σ over the stratum's PSUs of size factor × rows, which turns a PSU's size factor into a
  /// weight so that the stratum's weights add up to its adults.
  let weightedRows: Double

  /// The design weight of a row in a PSU with `sizeFactor`, in cents.
  func weightCents(sizeFactor: Double) -> Int {
    Int((Double(adults) * sizeFactor / weightedRows * 100).rounded())
  }
}
