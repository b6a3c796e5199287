import SurveyCore
import Testing

@testable import SurveyClean

@Suite("conflicting decisions")
struct DecisionConflictTests {
  static let header = "record_id,variable,old_value,action,new_value,comment\n"

  /// `line:rule:severity` of each finding.
  static func rules(_ result: CleanResult) -> [String] {
    result.findings.map { "\($0.line ?? 0):\($0.rule):\($0.severity.rawValue)" }
  }

  @Test("a record dropped twice: both decisions are errors naming each other's line, the record is kept")
  func dropTwice() throws {
    let result = try clean(sample, decisions: Self.header + "R3,,,drop,,not eligible\nR3,age,99,drop,,duplicate\n")
    #expect(Self.rules(result) == ["2:decision-conflict:error", "3:decision-conflict:error"])
    #expect(result.findings.map(\.recordID) == ["R3", "R3"])
    #expect(result.findings.allSatisfy { $0.batch == "decisions.csv" })
    #expect(
      result.findings[0].message
        == "the decision on line 3 also drops this record; a record takes one drop decision, so none of them is applied")
    #expect(!log(result).contains { $0.hasSuffix(":decision") })
    #expect(result.table.column("respondent_id")?.formatted(row: 2) == "R3")
    #expect(result.resolutions.isEmpty)
  }

  @Test("an accept and a set of one value: neither applies, the policy handles the value")
  func acceptAndSet() throws {
    let result = try clean(sample, decisions: Self.header + "R2,age,17,accept,,ok\nR2,age,17,set,20,typo\nR2,sex,98,set,2,form\n")
    #expect(Self.rules(result) == ["2:decision-conflict:error", "3:decision-conflict:error"])
    #expect(
      result.findings[0].message
        == "the decision on line 3 (set) also decides this value of age; a value takes one decision (accept or set), so none of them is applied")
    #expect(result.findings[1].message.hasPrefix("the decision on line 2 (accept) also decides this value of age"))
    // The other decision on the record (another cell) applies.
    #expect(log(result).contains("R2:age:17>:range"))
    #expect(log(result).contains("R2:sex:98>2:decision"))
  }

  @Test("two sets of one value, different or the same, and three decisions on one value")
  func sets() throws {
    let different = try clean(sample, decisions: Self.header + "R3,sex,5,set,1,a\nR3,sex,5,set,2,b\n")
    #expect(Self.rules(different) == ["2:decision-conflict:error", "3:decision-conflict:error"])
    #expect(log(different).contains("R3:sex:5>:code"))
    let same = try clean(sample, decisions: Self.header + "R3,sex,5,set,2,a\nR3,sex,5,set,2,a\n")
    #expect(Self.rules(same) == ["2:decision-conflict:error", "3:decision-conflict:error"])
    let three = try clean(sample, decisions: Self.header + "R3,sex,5,set,2,a\nR3,sex,5,accept,,b\nR3,sex,5,set,1,c\n")
    #expect(three.findings.count == 3)
    #expect(three.findings[0].message.hasPrefix("the decisions on lines 3, 4 (accept, set) also decide this value of sex"))
  }

  @Test("records sharing an id told apart by old_value are no conflict; a drop and a set are none either")
  func noConflict() throws {
    let result = try clean(
      "respondent_id,age\nR1,30\nR1,45\nR2,50\n",
      decisions: Self.header + "R1,age,30,drop,,first\nR1,age,45,drop,,second\nR2,age,50,set,51,x\nR2,,,drop,,y\n")
    #expect(result.findings.isEmpty)
    #expect(log(result) == ["R1:age:30>:decision", "R1:age:45>:decision", "R2:age:50>51:decision", "R2::>:decision"])
    #expect(result.table.rowCount == 0)
  }

  @Test("an old value or id copied from a log (cut, or with ' before a formula) still matches")
  func shownValues() throws {
    let huge = String(repeating: "z", count: 5000)
    let result = try clean(
      "respondent_id,sex\n=R1,5\nR2,\(huge)\n",
      decisions: Self.header + "'=R1,sex,5,set,1,x\nR2,sex,\(LogText.capped(huge)),set,2,y\n")
    #expect(result.findings.isEmpty)
    #expect(log(result) == ["=R1:sex:5>1:decision", "R2:sex:\(huge)>2:decision"])
  }

  @Test("the cleaning log cuts a huge value; the clean table keeps it whole")
  func hugeValue() throws {
    let huge = String(repeating: "й", count: 500_000)
    let result = try clean("respondent_id,sex\n\(huge),7\n")
    let shown = String(repeating: "й", count: 200) + "…[1000000 bytes]"
    #expect(CleaningLog.csv(result.changes) == "record_id,variable,old_value,new_value,reason,batch,line\n\(shown),sex,7,,code,b.csv,2\n")
    #expect(result.table.column("respondent_id")?.formatted(row: 0) == huge)
  }
}
