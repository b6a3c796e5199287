import SurveyCore
import Testing

@testable import SurveyValidate

@Suite("validation log")
struct ValidationLogTests {
  @Test("CSV columns, ids, order and formula neutralisation")
  func csv() throws {
    let (table, ingestFindings) = try read(
      """
      respondent_id,phone,sex,age,migrant_status,destination,year_departed,year_returned,oop_cost,visit_date,symptoms
      =cmd,,3,-5,3,,,,,,
      R2,,1,40,3,,,,,,
      """)
    let all = ingestFindings + (try Validate.run(table, codebook: ruleCodebook))
    let log = ValidationLog(findings: all)
    let lines = log.csv().split(separator: "\n").map(String.init)
    #expect(lines[0] == "finding_id,severity,rule,variable,record_id,batch,line,value,message,resolution")
    #expect(lines.contains("\(log.ids[0]),error,code,sex,'=cmd,batch.csv,2,3,\"sex is not one of its codes (1, 2)\","))
    // A negative number is a number, not a formula: shown as it was.
    #expect(lines.contains("\(log.ids[1]),error,range,age,'=cmd,batch.csv,2,-5,age is outside the range 18 to 99,"))
    #expect(log.jsonLines().split(separator: "\n").count == log.findings.count)
    #expect(log.html(title: "rules").contains("[\"\(log.ids[1])\",\"error\",\"range\""))
  }

  @Test("a huge cell is cut in all three logs; the JSON lines stay one object a line")
  func hugeCells() throws {
    let huge = String(repeating: "ы", count: 300_000)
    let (table, ingestFindings) = try read(
      """
      respondent_id,phone,sex,age,migrant_status,destination,year_departed,year_returned,oop_cost,visit_date,symptoms
      \(huge),,\(huge),40,3,,,,,,
      """)
    let log = ValidationLog(findings: ingestFindings + (try Validate.run(table, codebook: ruleCodebook)))
    let shown = String(repeating: "ы", count: 200) + "…[600000 bytes]"
    #expect(log.findings.count == 1)
    #expect(log.findings[0].value == huge)  // the finding itself keeps the value; the logs cut it
    #expect(log.csv() == """
      finding_id,severity,rule,variable,record_id,batch,line,value,message,resolution
      \(log.ids[0]),error,code,sex,\(shown),batch.csv,2,\(shown),"sex is not one of its codes (1, 2)",

      """)
    let json = log.jsonLines()
    #expect(json == """
      {"finding_id": "\(log.ids[0])", "severity": "error", "rule": "code", "variable": "sex", "record_id": "\(shown)", \
      "batch": "batch.csv", "line": 2, "value": "\(shown)", "message": "sex is not one of its codes (1, 2)", \
      "resolution": null}

      """)
    let html = log.html(title: "rules")
    #expect(html.contains("\"\(shown)\""))
    #expect(!html.contains(String(repeating: "ы", count: 201)))
  }

  @Test("a message is cut at its own, longer limit")
  func longMessage() {
    let name = String(repeating: "c", count: 5000)
    let finding = Finding(severity: .warning, rule: .unknownColumn, variable: name, batch: "b.csv", line: 1, message: "column 2 ('\(name)') matches no variable")
    let cells = ValidationLog(findings: [finding]).cells(0)
    #expect(cells[3] == String(repeating: "c", count: 200) + "…[5000 bytes]")
    #expect(cells[8] == "column 2 ('" + String(repeating: "c", count: 989) + "…[5033 bytes]")
  }

  @Test("5,000 unknown columns give one summary finding")
  func unknownColumnFlood() throws {
    let names = (1...5000).map { "extra\($0)" }
    let header = "respondent_id,sex," + names.joined(separator: ",")
    let row = "R1,1," + names.map { _ in "x" }.joined(separator: ",")
    let (table, ingestFindings) = try read(header + "\n" + row + "\n")
    #expect(ingestFindings.filter { $0.rule == .unknownColumn }.count == 5000)
    let log = ValidationLog(findings: ingestFindings + (try Validate.run(table, codebook: ruleCodebook)))
    let unknown = log.findings.filter { $0.rule == .unknownColumn }
    #expect(unknown.count == 1)
    #expect(
      unknown.first?.message
        == "5000 columns match no variable of the codebook; their values are not read; the first 5: 'extra1', 'extra2', 'extra3', 'extra4', 'extra5'")
    #expect(log.csv().split(separator: "\n").count == 1 + log.findings.count)
  }
}
