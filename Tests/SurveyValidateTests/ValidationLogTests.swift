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
    #expect(lines.contains("F000001,error,code,sex,'=cmd,batch.csv,2,3,\"sex is not one of its codes (1, 2)\","))
    #expect(lines.contains("F000002,error,range,age,'=cmd,batch.csv,2,'-5,age is outside the range 18 to 99,"))
    #expect(log.jsonLines().split(separator: "\n").count == log.findings.count)
    #expect(log.html(title: "rules").contains("<td>F000002</td>"))
  }
}
