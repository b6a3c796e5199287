/// SplitMix64 (Steele, Lea and Flood, 2014): a small, fast generator whose output passes
/// BigCrush. `synth` starts one stream per row (and per PSU) from a hash of the seed and the
/// row number, so row *i* is the same whatever the number of rows, and nothing depends on
/// Foundation's or the standard library's random sources. Replicate designs draw their
/// bootstrap resamples from it, one stream per stratum and replicate.
public struct SplitMix64: Sendable {
  private static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

  public private(set) var state: UInt64

  /// A stream starting at `state`.
  public init(state: UInt64) {
    self.state = state
  }

  /// The stream for `key` (a row or PSU number) under `seed`, kept apart from other uses of the
  /// same key by `salt`.
  public init(seed: UInt64, key: UInt64, salt: UInt64 = 0) {
    let start = Self.mix(seed &+ Self.mix(key &* Self.gamma &+ salt &* 0xD6E8_FEB8_6659_FD93))
    self.init(state: start)
  }

  /// The SplitMix64 finaliser (a strong 64-bit mixing function).
  @inline(__always) public static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The next 64 random bits.
  @inline(__always) public mutating func next() -> UInt64 {
    state &+= Self.gamma
    return Self.mix(state)
  }

  /// A uniform double in [0, 1), with 53 random bits.
  @inline(__always) public mutating func uniform() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform integer in 0..<`bound` (multiply-shift; the bias is below 2^-32 for the small
  /// bounds used here).
  @inline(__always) public mutating func below(_ bound: Int) -> Int {
    Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
  }

  /// True with probability `p`.
  @inline(__always) public mutating func chance(_ p: Double) -> Bool {
    uniform() < p
  }

  /// An index drawn from cumulative probabilities (the last entry must be 1).
  @inline(__always) public mutating func pick(_ cumulative: [Double]) -> Int {
    let u = uniform()
    var index = 0
    while index < cumulative.count - 1, u >= cumulative[index] { index += 1 }
    return index
  }
}
