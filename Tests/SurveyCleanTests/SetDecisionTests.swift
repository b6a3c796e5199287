import SurveyCore
import SurveyIngest
import SurveyValidate
import Testing
import _SurveyTestSupport

@testable import SurveyClean

/// Skip logic and a constraint that read other variables of the record.
let migrationCodebook = try! Codebook.parse(
  yaml: """
    survey: set-test
    id: respondent_id
    missing_codes: {98: "Don't know", 99: Refused}
    variables:
      - {name: respondent_id, type: text, required: true, unique: true}
      - {name: status, type: categorical, codes: {1: Current, 2: Returned, 3: Never}}
      - {name: year_departed, type: integer, range: [1990, 2026], relevant: status != 3}
      - {name: year_returned, type: integer, relevant: status == 2, constraint: year_returned >= year_departed}
    """)

/// Reads, validates and cleans `csv` against `codebook` with the decisions file `decisions`.
func clean(_ csv: String, codebook: Codebook, decisions: String) throws -> CleanResult {
  let folder = try TemporaryDirectory("set")
  let path = try folder.write("b.csv", csv)
  let ingest = try Ingest.read(
    [BatchSource(path: path, name: "b.csv", read: ReadOptions())], schema: IngestSchema(codebook: codebook))
  let findings = try Validate.run(ingest.table, codebook: codebook)
  let decisionsPath = try folder.write("decisions.csv", "record_id,variable,old_value,action,new_value,comment\n" + decisions)
  let fields = DecisionsFile.columns.map { IngestField(name: $0, type: .text) }
  let read = try Ingest.read(
    [BatchSource(path: decisionsPath, name: "decisions.csv", read: ReadOptions())],
    schema: IngestSchema(fields: fields, reportsUnknownColumns: false))
  return Clean.run(
    ingest.table, codebook: codebook, findings: findings, policy: CleanPolicy(),
    decisions: DecisionsFile(table: read.table, name: "decisions.csv"))
}

@Suite("Clean: a set value is validated like any value")
struct SetDecisionTests {
  let batch = "respondent_id,status,year_departed,year_returned\nR1,2,2010,2008\nR2,3,,\nR3,2,2012,2015\n"

  @Test("a new value that breaks its constraint, or answers where skip logic says no, is reported and not applied")
  func constraintAndSkipLogic() throws {
    let result = try clean(
      batch, codebook: migrationCodebook,
      decisions: """
        R1,year_returned,2008,set,2009,still before departure
        R2,year_departed,,set,2001,never migrated
        R3,year_returned,2015,set,2011,before departure
        """)
    #expect(result.findings.map { "\($0.line ?? 0):\($0.rule):\($0.variable ?? "")" } == [
      "2:decision-invalid:year_returned", "3:decision-invalid:year_departed", "4:decision-invalid:year_returned",
    ])
    #expect(result.findings[0].message == "the new_value breaks the constraint of year_returned; the decision is not applied")
    #expect(
      result.findings[1].message
        == "the new_value answers year_departed where its skip logic (relevant) says there is no answer; the decision is not applied")
    // Not applied: R1's 2008 is cleaned by policy; R2 stays blank; R3 keeps 2015.
    let returned = result.table.column("year_returned")!
    #expect((0..<3).map { returned.formatted(row: $0) } == [nil, nil, "2015"])
    #expect(result.table.column("year_departed")?.state[1] == .empty)
    #expect(!log(result).contains { $0.hasSuffix(":decision") })
  }

  @Test("a set checked on the record with every decision applied: fixing both years at once passes")
  func jointFix() throws {
    let result = try clean(
      batch, codebook: migrationCodebook,
      decisions: """
        R1,year_departed,2010,set,2005,
        R1,year_returned,2008,set,2009,
        """)
    #expect(result.findings.isEmpty)
    #expect(log(result) == ["R1:year_departed:2010>2005:decision", "R1:year_returned:2008>2009:decision"])
  }

  @Test("a new value that is a missing code makes the value missing, logged as a decision")
  func missingCode() throws {
    let result = try clean(batch, codebook: migrationCodebook, decisions: "R3,year_departed,2012,set,98,does not remember\n")
    #expect(result.findings.isEmpty)
    #expect(log(result) == ["R1:year_returned:2008>:constraint", "R3:year_departed:2012>:decision"])
    #expect(result.table.column("year_departed")?.state[2] == .empty)
  }

  @Test("a value of the wrong type, not a code, or out of range is refused as before")
  func typeCodeRange() throws {
    let result = try clean(
      batch, codebook: migrationCodebook,
      decisions: """
        R3,status,2,set,4,
        R3,year_departed,2012,set,1980,
        R3,year_departed,2012,set,soon,
        """)
    // The two sets of R3's year_departed conflict; status 4 is not a code.
    #expect(result.findings.map { "\($0.line ?? 0):\($0.rule)" }.sorted() == [
      "2:decision-invalid", "3:decision-conflict", "4:decision-conflict",
    ])
    #expect(result.table.column("status")?.formatted(row: 2) == "2")
  }

  @Test("a new id another record already has is refused")
  func uniqueID() throws {
    let result = try clean(
      "respondent_id,status,year_departed,year_returned\nR1,1,2010,\nR1,3,,\nR2,3,,\n", codebook: migrationCodebook,
      decisions: """
        R2,respondent_id,R2,set,R1,typed over
        R1,respondent_id,R1,set,R3,ambiguous: two records are R1
        """)
    #expect(result.findings.map { "\($0.line ?? 0):\($0.rule)" } == ["2:decision-invalid", "3:decision-ambiguous"])
    #expect(result.findings[0].message == "another record already has this new_value of respondent_id, which must be unique; the decision is not applied")
    #expect(result.table.column("respondent_id").map { (0..<$0.count).map($0.formatted) } == ["R1", "R2"])
  }

  @Test("stale decisions and unknown records or variables are reported and change nothing")
  func staleAndUnknown() throws {
    let result = try clean(
      batch, codebook: migrationCodebook,
      decisions: """
        R3,year_returned,2016,set,2017,the data changed since
        R9,year_returned,2015,set,2016,no such record
        R3,year_arrived,2015,set,2016,no such variable
        R9,,,drop,,no such record
        """)
    #expect(result.findings.map { "\($0.line ?? 0):\($0.rule)" } == [
      "2:decision-stale", "3:decision-unknown-record", "4:decision-unknown-variable", "5:decision-unknown-record",
    ])
    #expect(result.resolutions.isEmpty)
    #expect(result.table.column("year_returned")?.formatted(row: 2) == "2015")
    #expect(!log(result).contains { $0.hasSuffix(":decision") })
  }
}
