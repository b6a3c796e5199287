import SurveyCore
import Testing

@Suite("CSV cells a spreadsheet would run as formulas")
struct CSVWriterFormulaTests {
  @Test(
    "formulas are prefixed with '",
    arguments: [
      "=1+1", "-5+1", "+A1", "@SUM(A1)", "=HYPERLINK(\"http://x\",\"y\")", "-", "+", "-inf", "-0x1F", "-1,234.5",
      "-5%", "\t=1", "\r=1", "\t5", " =1+1", "  -A1", "-e3", "-1e", "-1e+", "-.", "－5", "＝1+1", "＠SUM(A1)", "=",
      "-5 +1", "- 5",
    ])
  func formulas(_ cell: String) {
    #expect(CSVWriter.runsAsFormula(cell))
    #expect(CSVWriter.neutralized(cell) == "'" + cell)
  }

  @Test(
    "numbers, signed or not, and other text are written as they are",
    arguments: [
      "-5", "+3.2", "-1e3", "-1E-3", "+2e+10", "-0,5", "-.5", "-5.", " -5 ", "5", "-00012", "text", "a=b", "'=1",
      "", " ", "1+1", "−5",
    ])
  func notFormulas(_ cell: String) {
    #expect(!CSVWriter.runsAsFormula(cell))
    #expect(CSVWriter.neutralized(cell) == cell)
  }

  @Test("a neutralised cell is still quoted as CSV needs; a negative number is neither prefixed nor quoted")
  func escaping() {
    #expect(CSVWriter.escape("-5", neutralize: true) == "-5")
    #expect(CSVWriter.escape("-0,5", neutralize: true) == "\"-0,5\"")
    #expect(CSVWriter.escape("=SUM(A1,A2)", neutralize: true) == "\"'=SUM(A1,A2)\"")
    #expect(CSVWriter.escape("=1", neutralize: false) == "=1")
    var writer = CSVWriter(neutralizesFormulas: true)
    writer.row(["-5", "-5+1", nil, "+3.2"])
    #expect(writer.text == "-5,'-5+1,,+3.2\n")
  }
}
