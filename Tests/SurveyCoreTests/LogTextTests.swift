import SurveyCore
import Testing

@Suite("text from the data as the logs show it")
struct LogTextTests {
  @Test("short text is kept; long text is cut at the limit with its length in bytes")
  func cut() {
    #expect(LogText.capped("abc") == "abc")
    #expect(LogText.capped(String(repeating: "a", count: 200)) == String(repeating: "a", count: 200))
    let long = String(repeating: "a", count: 10_485_760)
    #expect(LogText.capped(long) == String(repeating: "a", count: 200) + "…[10485760 bytes]")
    #expect(LogText.capped("abcdef", limit: 3) == "abc…[6 bytes]")
  }

  @Test("scalars are counted, never split; 200 Cyrillic letters (400 bytes) are not cut")
  func scalars() {
    let cyrillic = String(repeating: "ж", count: 200)
    #expect(LogText.capped(cyrillic) == cyrillic)
    let longer = String(repeating: "ж", count: 201)
    #expect(LogText.capped(longer) == String(repeating: "ж", count: 200) + "…[402 bytes]")
    // One character of a million combining marks is still cut, at a scalar.
    let marks = "e" + String(repeating: "\u{301}", count: 1_000_000)
    let shown = LogText.capped(marks)
    #expect(shown.unicodeScalars.count == 200 + "…[2000001 bytes]".unicodeScalars.count)
    #expect(shown.unicodeScalars.starts(with: ("e" + String(repeating: "\u{301}", count: 199) + "…").unicodeScalars))
    // A 4-byte scalar straddling byte 200 is kept whole.
    let emoji = String(repeating: "😀", count: 300)
    #expect(LogText.capped(emoji) == String(repeating: "😀", count: 200) + "…[1200 bytes]")
  }

  @Test("a value copied from a log matches the cell it shows")
  func shows() {
    let long = String(repeating: "x", count: 1000)
    #expect(LogText.shows(LogText.capped(long), long))
    #expect(LogText.shows("'=cmd", "=cmd"))
    #expect(LogText.shows("=cmd", "=cmd"))
    #expect(LogText.shows("'=" + String(repeating: "x", count: 199) + "…[1001 bytes]", "=" + long))
    #expect(!LogText.shows("'-5", "-5"))
    #expect(!LogText.shows("'abc", "abc"))
    #expect(!LogText.shows(String(repeating: "x", count: 200) + "…[999 bytes]", long))
    #expect(!LogText.shows("abc", "abd"))
  }
}
