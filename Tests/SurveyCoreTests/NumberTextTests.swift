import SurveyCore
import Testing

@Suite("NumberText: which texts are numbers, and which numbers are held")
struct NumberTextTests {
  func whole(_ text: String, decimal: UInt8 = UInt8(ascii: ".")) -> Result<Double, NumberText.Problem> {
    NumberText.read(text, decimal: decimal, integer: true)
  }

  func decimal(_ text: String, decimal: UInt8 = UInt8(ascii: ".")) -> Result<Double, NumberText.Problem> {
    NumberText.read(text, decimal: decimal, integer: false)
  }

  @Test("whole numbers are held exactly up to ±2^53 and refused beyond, never rounded")
  func wholeNumberRange() {
    #expect(whole("9007199254740992") == .success(9_007_199_254_740_992))
    #expect(whole("-9007199254740992") == .success(-9_007_199_254_740_992))
    #expect(whole("9007199254740993") == .failure(.beyondExactWholeNumbers))
    #expect(whole("-9007199254740993") == .failure(.beyondExactWholeNumbers))
    #expect(whole("9007199254740994") == .failure(.beyondExactWholeNumbers))
    #expect(whole("12345678901234567890123") == .failure(.beyondExactWholeNumbers))
    #expect(whole("0009007199254740992") == .success(9_007_199_254_740_992))
  }

  @Test("a whole number may have zeros after the mark or an exponent when its exact value is whole and in range")
  func wholeNumberForms() {
    #expect(whole("12.000") == .success(12))
    #expect(whole("12.") == .success(12))
    #expect(whole("1.5e3") == .success(1500))
    #expect(whole("15e-1") == .failure(.notWhole))
    #expect(whole("150e-1") == .success(15))
    #expect(whole("9.007199254740992e15") == .success(9_007_199_254_740_992))
    #expect(whole("9.007199254740993e15") == .failure(.beyondExactWholeNumbers))
    #expect(whole("1e308") == .failure(.beyondExactWholeNumbers))
    #expect(whole("1e16") == .failure(.beyondExactWholeNumbers))
    #expect(whole("1e15") == .success(1e15))
    #expect(whole("12.5") == .failure(.notWhole))
    #expect(whole("9007199254740992.5") == .failure(.notWhole))
    #expect(whole("1e-400") == .failure(.notWhole))
    #expect(whole("0e999999999999") == .success(0))
    #expect(whole("1.00000000000000000000000000001") == .failure(.notWhole))
    #expect(whole("1.00000000000000000000000000000") == .success(1))
  }

  @Test("decimals: the nearest double; too large or too small to hold is refused")
  func decimalRange() {
    #expect(decimal("1e400") == .failure(.tooLarge))
    #expect(decimal("-1e400") == .failure(.tooLarge))
    #expect(decimal("1.7976931348623159e308") == .failure(.tooLarge))
    #expect(decimal("1.7976931348623157e308") == .success(.greatestFiniteMagnitude))
    #expect(decimal("1e-400") == .failure(.tooSmall))
    #expect(decimal("-1e-400") == .failure(.tooSmall))
    #expect(decimal("1e-310") == .failure(.tooSmall))  // subnormal: fewer bits than a double has
    #expect(decimal("2.2250738585072014e-308") == .success(.leastNormalMagnitude))
    #expect(decimal("0e-400") == .success(0))
    #expect(decimal("0.000") == .success(0))
    #expect(decimal("1e99999999999999999999") == .failure(.tooLarge))
    #expect(decimal("1e-99999999999999999999") == .failure(.tooSmall))
  }

  @Test("digits beyond a double's precision round to the nearest double, as a decimal means")
  func decimalRounding() {
    #expect(decimal("0.1000000000000000055511151231257827") == .success(0.1))
    #expect(decimal("9007199254740993") == .success(9_007_199_254_740_992))
    #expect(decimal("2.5", decimal: UInt8(ascii: ",")) == .failure(.notANumber))
    #expect(decimal("2,5", decimal: UInt8(ascii: ",")) == .success(2.5))
  }

  @Test(
    "nothing else becomes a number",
    arguments: [
      "nan", "NaN", "inf", "-inf", "Infinity", "infinity", "0x1p3", "0x10", "1,000", "1 000", "1.000.000", "\t5", "5\t",
      "", " ", "+", "-", ".", "e5", "1e", "1e+", "--5", "+-5", "5-", "1.2.3", "1_000", "١٢", "５", "−5", "5%", "$5", "1d5",
    ])
  func notNumbers(_ text: String) {
    #expect(decimal(text) == .failure(.notANumber))
    #expect(whole(text) == .failure(.notANumber))
  }

  @Test("a leading sign, spaces around, and a mark at either end are a number")
  func acceptedForms() {
    #expect(decimal("+5") == .success(5))
    #expect(decimal("  -5.25  ") == .success(-5.25))
    #expect(decimal(".5") == .success(0.5))
    #expect(decimal("5.") == .success(5))
    #expect(decimal("1E+2") == .success(100))
    #expect(whole("+42") == .success(42))
  }

  @Test("explanations never hold the value")
  func explanations() {
    #expect(NumberText.Problem.tooLarge.explanation.contains("too large to hold"))
    #expect(NumberText.Problem.tooSmall.explanation.contains("too small to hold"))
    #expect(NumberText.Problem.beyondExactWholeNumbers.explanation.contains("9007199254740992"))
  }

  @Test("whole numbers up to 2^53 are written with all their digits")
  func formatting() {
    #expect(NumberFormatting.string(9_007_199_254_740_992, integer: true) == "9007199254740992")
    #expect(NumberFormatting.string(-1e15, integer: true) == "-1000000000000000")
    #expect(NumberFormatting.string(1e16) == "1e+16")
    var writer = ByteWriter()
    writer.appendNumber(9_007_199_254_740_992)
    #expect(String(decoding: writer.finish(), as: UTF8.self) == "9007199254740992")
  }

  @Test("a reviewer's set value follows the same rule")
  func assigning() {
    var column = Column(name: "n", type: .integer, values: .numbers([1]), state: [.present])
    for refused in ["1e308", "9007199254740993", "0x10", "nan", "inf", "12.5"] {
      let assigned = column.assign(refused, row: 0)
      #expect(!assigned, "\(refused)")
    }
    #expect(column.numbers == [1])
    let exact = column.assign("9007199254740992", row: 0)
    #expect(exact)
    #expect(column.numbers == [9_007_199_254_740_992])
    var amounts = Column(name: "x", type: .decimal, values: .numbers([1]), state: [.present])
    let results = ["1e-400", "1e400", "1e-300"].map { amounts.assign($0, row: 0) }
    #expect(results == [false, false, true])
    #expect(amounts.numbers == [1e-300])
  }

  @Test("a margins total follows the same rule and says why it is refused")
  func marginsTotals() throws {
    for (text, words) in [("0x10", "must be a number"), ("1e400", "too large to hold"), ("1e-400", "too small to hold")] {
      do {
        _ = try Margins(file: "m.csv", records: [(variable: "sex", level: "1", total: text, line: 2)])
        Issue.record("\(text) accepted")
      } catch {
        #expect(error.localizedDescription.contains(words), "\(error.localizedDescription)")
      }
    }
  }
}
