import Foundation
import SurveyCore
import Testing

@Suite("JSONText: strings escaped byte by byte")
struct JSONTextTests {
  @Test(
    "each character JSON must escape is escaped; all else, multi-byte included, is kept",
    arguments: [
      ("", #""""#), ("Chișinău", #""Chișinău""#), (#"a"b"#, #""a\"b""#), (#"a\b"#, #""a\\b""#),
      ("a\nb\r\tc", #""a\nb\r\tc""#), ("\u{1}\u{1f}", #""\u0001\u001f""#), ("\u{7f}", "\"\u{7f}\""),
      ("\u{2028}😀", "\"\u{2028}😀\""), ("x\u{0}y", #""x\u0000y""#),
    ])
  func escapes(text: String, json: String) {
    #expect(JSONText.string(text) == json)
  }

  @Test("what it writes reads back as the same text through a JSON parser")
  func readsBack() throws {
    for text in ["", "Găgăuzia \"Comrat\"\n", "\u{1}\u{8}\u{c}\u{1f} \\ / \u{2029}", "ș\r\n\t😀"] {
      let data = Data(("[" + JSONText.string(text) + "]").utf8)
      let parsed = try #require(try JSONSerialization.jsonObject(with: data) as? [String])
      #expect(parsed == [text])
    }
  }
}
