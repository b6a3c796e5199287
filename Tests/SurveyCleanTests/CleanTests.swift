import SurveyCore
import SurveyIngest
import SurveyValidate
import Testing
import _SurveyTestSupport

@testable import SurveyClean

let cleanCodebook = try! Codebook.parse(
  yaml: """
    survey: clean-test
    id: respondent_id
    missing_codes: {98: "Don't know", 99: Refused}
    variables:
      - {name: respondent_id, type: text, required: true, unique: true}
      - {name: phone, type: text, pii: true}
      - {name: sex, type: categorical, codes: {1: Male, 2: Female}}
      - {name: age, type: integer, range: [18, 99]}
      - {name: oop_cost, type: decimal, missing_codes: {}}
    """)

/// Reads, validates and cleans `csv` (one batch called `b.csv`).
func clean(_ csv: String, policy: CleanPolicy = CleanPolicy(), decisions: String? = nil) throws -> CleanResult {
  let folder = try TemporaryDirectory("clean")
  let path = try folder.write("b.csv", csv)
  let ingest = try Ingest.read(
    [BatchSource(path: path, name: "b.csv", read: ReadOptions())], schema: IngestSchema(codebook: cleanCodebook))
  let findings = try Validate.run(ingest.table, codebook: cleanCodebook)
  var file: DecisionsFile?
  if let decisions {
    let decisionsPath = try folder.write("decisions.csv", decisions)
    let fields = DecisionsFile.columns.map { IngestField(name: $0, type: .text) }
    let read = try Ingest.read(
      [BatchSource(path: decisionsPath, name: "decisions.csv", read: ReadOptions())],
      schema: IngestSchema(fields: fields, reportsUnknownColumns: false))
    file = DecisionsFile(table: read.table, name: "decisions.csv")
  }
  return Clean.run(ingest.table, codebook: cleanCodebook, findings: findings, policy: policy, decisions: file)
}

/// `record:variable:old>new:reason` for each change.
func log(_ result: CleanResult) -> [String] {
  result.changes.map {
    "\($0.recordID ?? ""):\($0.variable ?? ""):\($0.oldValue ?? "")>\($0.newValue ?? ""):\($0.reason)"
  }
}

let sample = """
  respondent_id,phone,sex,age,oop_cost
  R1,060000001,1,34,98
  R2,060000002,98,17,10
  R3,060000003,5,99,0
  R1,060000004,2,34,
  R4,060000005,1
  """

@Suite("Clean")
struct CleanTests {
  @Test("set-missing and keep-first: invalid values blanked, duplicates and broken rows dropped, codes cleared")
  func defaults() throws {
    let result = try clean(sample)
    #expect(log(result) == [
      "R2:sex:98>:missing-code", "R2:age:17>:range", "R3:sex:5>:code", "R3:age:99>:missing-code",
      "R1::>:duplicate-id", "R4::>:ragged-row",
    ])
    #expect(result.rawRecords == 5)
    #expect(result.droppedRecords == 2)
    #expect(result.table.rowCount == result.rawRecords - result.droppedRecords)
    // oop_cost has no missing codes: 98 lei is an amount.
    #expect(result.table.column("oop_cost")?.formatted(row: 0) == "98")
    #expect(result.table.column("age")?.state == [.present, .empty, .empty])
  }

  @Test("drop-record drops every record with an invalid value; drop-all drops every duplicate")
  func dropPolicies() throws {
    let result = try clean(sample, policy: CleanPolicy(invalid: .dropRecord, duplicates: .dropAll))
    // R2's sex 98 is not cleared: the record is dropped first for its age.
    #expect(log(result) == [
      "R1::>:duplicate-id", "R2:age:17>:range", "R3:sex:5>:code", "R1::>:duplicate-id", "R4::>:ragged-row",
    ])
    #expect(result.droppedRecords == 5)
    #expect(result.table.rowCount == 0)
  }

  @Test("keep leaves invalid values and duplicates alone but still clears missing codes")
  func keepPolicies() throws {
    let result = try clean(sample, policy: CleanPolicy(invalid: .keep, duplicates: .keep))
    #expect(log(result) == ["R2:sex:98>:missing-code", "R3:age:99>:missing-code", "R4::>:ragged-row"])
    #expect(result.table.rowCount == 4)
    #expect(result.table.column("sex")?.original(row: 2) == "5")
  }

  @Test("personal data never reaches the log")
  func piiStaysOut() throws {
    let result = try clean(
      sample, decisions: "record_id,variable,old_value,action,new_value,comment\nR3,phone,060000003,set,060999999,typo\n")
    #expect(log(result).contains("R3:phone:>:decision"))
    #expect(!CleaningLog.csv(result.changes).contains("0609"))
  }

  @Test("decisions: accept overrides the policy, set and drop apply, mismatches are reported")
  func decisions() throws {
    let decisions = """
      record_id,variable,old_value,action,new_value,comment
      R2,age,17,accept,,confirmed by phone
      R3,sex,5,set,2,form shows female
      R4,,,drop,,duplicate interview
      R9,age,30,set,31,
      R2,height,1,set,2,
      R2,sex,1,set,2,stale
      R1,age,34,set,40,two records are R1
      R3,age,99,set,abc,
      R2,age,17,frobnicate,,
      """
    let result = try clean(sample, decisions: decisions)
    #expect(log(result) == [
      "R2:sex:98>:missing-code", "R3:sex:5>2:decision", "R3:age:99>:missing-code", "R1::>:duplicate-id",
      "R4::>:decision",
    ])
    #expect(result.table.column("age")?.formatted(row: 1) == "17")
    let rules = result.findings.map { "\($0.line ?? 0):\($0.rule)" }
    #expect(rules == [
      "10:decision-invalid", "5:decision-unknown-record", "6:decision-unknown-variable", "7:decision-stale",
      "8:decision-ambiguous", "9:decision-invalid",
    ])
  }

  @Test("accepting a number that is also a missing code keeps it as a value")
  func acceptMissingCode() throws {
    let result = try clean(
      "respondent_id,age\nR1,99\nR2,99\n",
      decisions: "record_id,variable,old_value,action,new_value,comment\nR1,age,99,accept,,real age\n")
    #expect(log(result) == ["R1:age:99>99:decision", "R2:age:99>:missing-code"])
    #expect(result.table.column("age")?.formatted(row: 0) == "99")
    #expect(result.table.column("age")?.state[1] == .empty)
  }

  @Test("old values written another way still match; a set outside the range or an accepted code is refused")
  func decisionChecks() throws {
    let result = try clean(
      "respondent_id,sex,age,oop_cost\nR1,98,40,12.5\nR2,1,30,7\n",
      decisions: """
        record_id,variable,old_value,action,new_value,comment
        R1,oop_cost,"12,50",set,13,copied from the Excel file
        R2,age,30,set,130,typo
        R1,sex,98,accept,,not a code of sex
        """)
    #expect(log(result) == ["R1:sex:98>:missing-code", "R1:oop_cost:12.5>13:decision"])
    #expect(result.findings.map { "\($0.line ?? 0):\($0.rule)" } == ["3:decision-invalid", "4:decision-invalid"])
    #expect(result.findings[0].message == "the new_value is outside the range of age; the decision is not applied")
  }

  @Test("decisions read numbers by the same rule: no rounding into a match, no 0 for 1e-400, no hexadecimal")
  func decisionNumbers() throws {
    let result = try clean(
      "respondent_id,sex,age,oop_cost\nR1,1,9007199254740992,12.5\nR2,1,30,7\nR3,1,40,8\n",
      decisions: """
        record_id,variable,old_value,action,new_value,comment
        R1,age,9007199254740993,set,40,rounds to the cell's value but is not it
        R2,oop_cost,7,set,1e-400,too small to hold
        R3,oop_cost,8,set,0x10,hexadecimal
        R3,age,4e1,set,41,the same whole number written another way
        """)
    #expect(log(result) == ["R1:age:9007199254740992>:range", "R3:age:40>41:decision"])
    #expect(result.findings.map { "\($0.line ?? 0):\($0.rule)" } == [
      "2:decision-stale", "3:decision-invalid", "4:decision-invalid",
    ])
    #expect(result.table.column("oop_cost")?.numbers?[1] == 7)
    #expect(result.table.column("oop_cost")?.numbers?[2] == 8)
  }

  @Test("findings settled by a decision are marked; others are not")
  func resolutions() throws {
    let folder = try TemporaryDirectory("clean")
    let path = try folder.write("b.csv", "respondent_id,sex,age\nR1,5,17\nR2,6,16\n")
    let ingest = try Ingest.read(
      [BatchSource(path: path, name: "b.csv", read: ReadOptions())], schema: IngestSchema(codebook: cleanCodebook))
    let findings = try Validate.run(ingest.table, codebook: cleanCodebook)
    let decisions = DecisionsFile(
      name: "d.csv",
      decisions: [
        Decision(recordID: "R1", variable: "age", oldValue: "17", action: .set, newValue: "19", line: 2),
        Decision(recordID: "R2", variable: nil, oldValue: nil, action: .drop, line: 3),
      ])
    let result = Clean.run(ingest.table, codebook: cleanCodebook, findings: findings, policy: CleanPolicy(), decisions: decisions)
    let resolved = result.resolve(findings).map { "\($0.recordID ?? ""):\($0.variable ?? ""):\($0.resolution ?? "-")" }
    #expect(resolved == ["R1:sex:-", "R1:age:decision: set", "R2:sex:decision: drop", "R2:age:decision: drop"])
  }

  @Test("records left without a value in a design column are dropped and logged")
  func missingDesign() throws {
    let folder = try TemporaryDirectory("clean")
    let path = try folder.write("b.csv", "respondent_id,age,oop_cost\nR1,30,12\nR2,31,\nR3,17,4\n")
    let ingest = try Ingest.read(
      [BatchSource(path: path, name: "b.csv", read: ReadOptions())], schema: IngestSchema(codebook: cleanCodebook))
    let findings = try Validate.run(ingest.table, codebook: cleanCodebook)
    // Suppose age and oop_cost were design columns: R2 lacks oop_cost, R3's age is out of range.
    let result = Clean.run(
      ingest.table, codebook: cleanCodebook, findings: findings, policy: CleanPolicy(), designColumns: ["age", "oop_cost"])
    #expect(log(result) == ["R2:oop_cost:>:missing-design", "R3:age:17>:range", "R3:age:>:missing-design"])
    #expect(result.table.rowCount == 1)
    #expect(result.rawRecords == result.table.rowCount + result.droppedRecords)
  }

  @Test("the cleaning log neutralises formulas and lists batch and line")
  func logCSV() throws {
    let result = try clean("respondent_id,sex\n=HYPERLINK(1),3\n")
    #expect(CleaningLog.csv(result.changes) == "record_id,variable,old_value,new_value,reason,batch,line\n'=HYPERLINK(1),sex,3,,code,b.csv,2\n")
  }
}

