import Foundation
import Testing

@testable import SurveyCore

@Suite("HTMLText: escaping for validation.html, byte by byte")
struct HTMLTextTests {
  @Test(
    "element text and attributes: & < > \" ' become references; nothing else changes",
    arguments: [
      ("plain", "plain"), ("Chișinău", "Chișinău"), ("<b>&\"'", "&lt;b&gt;&amp;&quot;&#39;"),
      ("\u{2028}", "\u{2028}"), ("a&amp;", "a&amp;amp;"), ("", ""),
    ])
  func escape(text: String, html: String) {
    #expect(HTMLText.escape(text) == html)
  }

  @Test(
    "JSON in a script element: < > & and U+2028, U+2029 become \\u escapes",
    arguments: [
      ("{\"a\": \"x\"}", "{\"a\": \"x\"}"), ("</script><!--", "\\u003c/script\\u003e\\u003c!--"),
      ("a&b", "a\\u0026b"), ("\u{2028}x\u{2029}", "\\u2028x\\u2029"),
      // Other characters starting with the byte E2 stay as they are.
      ("€ – \u{2027}\u{202a}", "€ – \u{2027}\u{202a}"), ("\u{e2}", "\u{e2}"), ("x\u{2028}", "x\\u2028"),
    ])
  func scriptJSON(json: String, escaped: String) {
    #expect(HTMLText.scriptJSON(json) == escaped)
  }

  @Test("the escaped script JSON parses back to the same value")
  func scriptJSONReadsBack() throws {
    let json = #"{"v": "</script> & \u2028 ș"}"#.replacingOccurrences(of: "\\u2028", with: "\u{2028}")
    let escaped = HTMLText.scriptJSON(json)
    #expect(!escaped.contains("<") && !escaped.contains("\u{2028}"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(escaped.utf8)) as? [String: String])
    #expect(object["v"] == "</script> & \u{2028} ș")
  }
}
