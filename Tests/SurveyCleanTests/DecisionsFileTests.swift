import SurveyCore
import SurveyIngest
import Testing
import _SurveyTestSupport

@testable import SurveyClean

/// Reading the decisions file: record decisions, accepts by `finding_id`, and rows that are
/// neither.
@Suite("the decisions file")
struct DecisionsFileTests {
  /// The file `csv` read as the pipeline reads it (`finding_id` may be absent).
  static func read(_ csv: String) throws -> DecisionsFile {
    let folder = try TemporaryDirectory("decisions-file")
    let path = try folder.write("decisions.csv", csv)
    var fields = DecisionsFile.columns.map { IngestField(name: $0, type: .text) }
    var findingID = IngestField(name: "finding_id", type: .text)
    findingID.mayBeAbsent = true
    fields.append(findingID)
    let read = try Ingest.read(
      [BatchSource(path: path, name: "decisions.csv", read: ReadOptions())],
      schema: IngestSchema(fields: fields, reportsUnknownColumns: false, missingColumnIsFatal: true))
    #expect(read.findings.isEmpty, "\(read.findings.map(\.message))")
    return DecisionsFile(table: read.table, name: "decisions.csv")
  }

  @Test("a file without the finding_id column reads as before")
  func withoutFindingID() throws {
    let file = try Self.read("record_id,variable,old_value,action,new_value,comment\nR1,age,112,set,25,ID card\n")
    #expect(file.decisions.count == 1)
    #expect(file.decisions.first?.newValue == "25")
    #expect(file.findingDecisions.isEmpty)
    #expect(file.findings.isEmpty)
  }

  @Test("a row with a finding_id and no record_id accepts the finding; with a record_id it is a record decision")
  func acceptByFindingID() throws {
    let file = try Self.read(
      """
      record_id,variable,old_value,action,new_value,comment,finding_id
      ,,enum_c,accept,,checked with the supervisor,F38334a4bf4
      ,,,ACCEPT,,,Fdc7c17eefb
      R1,age,112,set,25,,F356d3a452e

      """)
    #expect(
      file.findingDecisions == [
        FindingDecision(
          findingID: "F38334a4bf4", oldValue: "enum_c", comment: "checked with the supervisor", file: "decisions.csv", line: 2),
        FindingDecision(findingID: "Fdc7c17eefb", oldValue: nil, file: "decisions.csv", line: 3),
      ])
    #expect(file.decisions.map(\.recordID) == ["R1"])
    #expect(file.findings.isEmpty)
  }

  @Test("set or drop by finding_id alone, an accept naming a variable, and a row naming neither are decision-invalid")
  func invalidRows() throws {
    let file = try Self.read(
      """
      record_id,variable,old_value,action,new_value,comment,finding_id
      ,,enum_c,set,enum_x,,F38334a4bf4
      ,,,drop,,,Fdc7c17eefb
      ,age,,accept,,,F356d3a452e
      ,age,112,accept,,,

      """)
    #expect(file.findingDecisions.isEmpty)
    #expect(file.decisions.isEmpty)
    #expect(file.findings.map(\.rule) == [.decisionInvalid, .decisionInvalid, .decisionInvalid, .decisionInvalid])
    #expect(file.findings.map(\.line) == [2, 3, 4, 5])
    #expect(file.findings[0].message.contains("can only accept the finding"))
    #expect(file.findings[3].message.contains("names no record_id"))
  }
}
