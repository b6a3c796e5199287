import SurveyCore
import Testing

@Suite("CSV cells for the estimate tables")
struct CSVFieldTests {
  @Test("edge spaces stay unquoted unless asked; commas, quotes and line breaks are quoted")
  func edgeSpaces() {
    #expect(CSVWriter.escape(" north ", quotingEdgeSpaces: false) == " north ")
    #expect(CSVWriter.escape(" north ", quotingEdgeSpaces: true) == "\" north \"")
    #expect(CSVWriter.escape(" a, b", quotingEdgeSpaces: false) == "\" a, b\"")
    #expect(CSVWriter.escape("say \"hi\" ", quotingEdgeSpaces: false) == "\"say \"\"hi\"\" \"")
    #expect(CSVWriter.escape("", quotingEdgeSpaces: false) == "")
    #expect(CSVWriter.escape("plain", quotingEdgeSpaces: false) == "plain")
  }

  @Test("a CR LF pair or a quote under a combining mark is still quoted")
  func graphemes() {
    #expect(CSVWriter.escape("a\r\nb", quotingEdgeSpaces: false) == "\"a\r\nb\"")
    #expect(CSVWriter.escape("\"\u{301}", quotingEdgeSpaces: false) == "\"\"\"\u{301}\"")
  }

  @Test("numbers: round-trip text, blank for nil, NaN and infinities")
  func numbers() {
    #expect(CSVWriter.number(35) == "35")
    #expect(CSVWriter.number(0.1) == "0.1")
    #expect(CSVWriter.number(nil) == "")
    #expect(CSVWriter.number(.nan) == "")
    #expect(CSVWriter.number(-.infinity) == "")
  }
}
