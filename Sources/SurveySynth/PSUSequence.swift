/// The sample's PSUs in draw order: PSU *k* holds rows k·size ..< (k+1)·size.
struct PSUSequence: Sendable {
  private let rows: Int
  private let psuSize: Int
  private let seed: UInt64
  private var allocator = PSUAllocator()
  private var number = 0

  init(rows: Int, psuSize: Int, seed: UInt64) {
    self.rows = rows
    self.psuSize = psuSize
    self.seed = seed
  }

  /// The next PSU, or nil after the last row.
  mutating func next() -> SampledPSU? {
    let first = number * psuSize
    guard first < rows else { return nil }
    let (stratum, index) = allocator.next()
    let psu = SampledPSU(
      stratum: stratum, indexInStratum: index, firstRow: first,
      size: min(psuSize, rows - first), seed: seed)
    number += 1
    return psu
  }
}
