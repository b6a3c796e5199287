import SurveyCore
import Testing

@testable import SurveyIngest

@Suite("NumberScanner: numbers read from field bytes")
struct NumberScannerTests {
  func parse(_ text: String, integer: Bool, decimal: UInt8 = UInt8(ascii: ".")) -> Double? {
    Array(text.utf8).withUnsafeBufferPointer { NumberScanner.parse($0, decimal: decimal, integer: integer) }
  }

  @Test("integer variables: 2^53 is held, 2^53 + 1 is refused rather than rounded")
  func wholeNumberLimit() {
    #expect(parse("9007199254740992", integer: true) == 9_007_199_254_740_992)
    #expect(parse("-9007199254740992", integer: true) == -9_007_199_254_740_992)
    #expect(parse("9007199254740993", integer: true) == nil)
    #expect(parse("99999999999999999999", integer: true) == nil)
    #expect(parse("123456789012345", integer: true) == 123_456_789_012_345)
  }

  @Test("integer variables: an exponent is accepted only for an exact whole number within ±2^53")
  func wholeNumberExponent() {
    #expect(parse("1e308", integer: true) == nil)
    #expect(parse("1e16", integer: true) == nil)
    #expect(parse("1.5e3", integer: true) == 1500)
    #expect(parse("12.0", integer: true) == 12)
    #expect(parse("12.5", integer: true) == nil)
    #expect(parse("9007199254740992.5", integer: true) == nil)
    #expect(parse("1e-400", integer: true) == nil)
  }

  @Test("decimal variables: too large or too small to hold is refused, never infinity or zero")
  func decimalRange() {
    #expect(parse("1e400", integer: false) == nil)
    #expect(parse("-1e400", integer: false) == nil)
    #expect(parse("1e-400", integer: false) == nil)
    #expect(parse("1e-310", integer: false) == nil)
    #expect(parse("1e308", integer: false) == 1e308)
    #expect(parse("0e-400", integer: false) == 0)
    #expect(parse("0.1000000000000000055511151231257827", integer: false) == 0.1)
  }

  @Test("nan, infinity, hexadecimal and thousands separators are not numbers", arguments: [
    "nan", "NAN", "inf", "-inf", "+infinity", "Infinity", "0x1p3", "0X10", "1,000", "1 000", "1.000.000",
  ])
  func notNumbers(_ text: String) {
    #expect(parse(text, integer: false) == nil)
    #expect(parse(text, integer: true) == nil)
  }

  @Test("a leading plus and surrounding spaces are allowed")
  func accepted() {
    #expect(parse("+2", integer: false) == 2)
    #expect(parse(" 2.5 ", integer: false) == 2.5)
    #expect(parse("+7", integer: true) == 7)
  }

  /// A small deterministic generator (SplitMix64), so that a failure can be replayed.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Texts shaped like numbers (long and short significands, marks, exponents up to ±400) and
  /// texts of random number-like bytes.
  static func samples(count: Int) -> [String] {
    var random = Generator(state: 20_240_601)
    let digits = Array("0123456789")
    let noise = Array("0123456789.,eE+- xnaif")
    var out: [String] = []
    for k in 0..<count {
      if k % 4 == 3 {
        out.append(String((0..<Int.random(in: 1...8, using: &random)).map { _ in noise.randomElement(using: &random)! }))
        continue
      }
      var text = ["", "-", "+"].randomElement(using: &random)!
      let whole = Int.random(in: 0...(k % 2 == 0 ? 18 : 25), using: &random)
      text += String((0..<whole).map { _ in digits.randomElement(using: &random)! })
      if Bool.random(using: &random) {
        text += "."
        let fraction = Int.random(in: 0...(k % 2 == 0 ? 6 : 25), using: &random)
        text += String((0..<fraction).map { _ in digits.randomElement(using: &random)! })
        if Bool.random(using: &random) { text += String(repeating: "0", count: Int.random(in: 0...20, using: &random)) }
      }
      if Int.random(in: 0..<3, using: &random) == 0 { text += "e\(Int.random(in: -400...400, using: &random))" }
      out.append(text)
    }
    return out
  }

  @Test("the fast path agrees with NumberText on every sample, to the bit")
  func agreesWithRule() {
    for text in Self.samples(count: 200_000) {
      for integer in [false, true] {
        let fast = parse(text, integer: integer)
        let rule = try? NumberText.read(text, integer: integer).get()
        #expect(fast?.bitPattern == rule?.bitPattern, "\(text) integer: \(integer)")
        if fast?.bitPattern != rule?.bitPattern { return }
      }
    }
  }
}
