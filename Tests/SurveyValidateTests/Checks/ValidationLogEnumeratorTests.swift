import SurveyCore
import Testing

@testable import SurveyValidate

@Suite("validation log: the enumerator column")
struct ValidationLogEnumeratorTests {
  @Test("added at the end only when asked for; blank without an enumerator")
  func column() {
    var mine = Finding(
      severity: .warning, rule: .duration, variable: "end", recordID: "R1", batch: "b.csv", line: 2, message: "m",
      batchIndex: 0)
    mine.enumerator = "ann"
    let other = Finding(severity: .warning, rule: .dontKnowShare, value: "bob", message: "n")
    let shown = ValidationLog(findings: [mine, other], showsEnumerator: true)
    #expect(
      shown.csv() == """
        finding_id,severity,rule,variable,record_id,batch,line,value,message,resolution,enumerator
        \(shown.ids[0]),warning,duration,end,R1,b.csv,2,,m,,ann
        \(shown.ids[1]),warning,dont-know-share,,,,,bob,n,,

        """)
    #expect(shown.jsonLines().split(separator: "\n")[0].hasSuffix("\"resolution\": null, \"enumerator\": \"ann\"}"))
    let plain = ValidationLog(findings: [mine, other])
    #expect(plain.csv().hasPrefix("finding_id,severity,rule,variable,record_id,batch,line,value,message,resolution\n"))
    #expect(!plain.jsonLines().contains("enumerator"))
  }
}
