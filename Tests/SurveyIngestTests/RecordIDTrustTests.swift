import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyIngest

@Suite("Ingest: a broken record's id is used only when it can be trusted")
struct RecordIDTrustTests {
  @Test("a row split on the wrong delimiter is named by batch and line, never by its raw line")
  func wrongDelimiter() throws {
    // A semicolon row in a comma file: one field holding the whole line, a phone number included.
    let result = try ingestNotes(
      "respondent_id,name,age,note\nR1,Ana,30,x\nR2;Ion Private;+37369111222;y\nR3,Dan,50,z\n")
    let ragged = try #require(result.findings.first { $0.rule == .raggedRow })
    #expect(ragged.line == 3)
    #expect(ragged.recordID == nil)
    #expect(result.table.recordID(row: 1) == nil)
    #expect(result.table.recordID(row: 2) == "R3")
  }

  @Test("a ragged row whose id cell has the shape of the batch's ids keeps its id")
  func plausibleID() throws {
    let result = try ingestNotes("respondent_id,name,age,note\nMD-S-0001,Ana,30,x\nMD-S-0002,Ion\nMD-S-0003,Dan,50,z\n")
    #expect(result.findings.first { $0.rule == .raggedRow }?.recordID == "MD-S-0002")
  }

  @Test("an id cell shifted in from another column is not trusted")
  func shiftedCell() throws {
    // The id column comes after a column that swallowed an extra comma: the id cell holds a name.
    let codebook = try Codebook.parse(
      yaml: """
        survey: t
        id: respondent_id
        variables:
          - {name: name, type: text, pii: true}
          - {name: respondent_id, type: text}
          - {name: age, type: integer}
        """)
    let result = try ingest(
      [("b.csv", Array("name,respondent_id,age\nAna,R1,30\nPopescu,Ion,R2,40\nDan,R3,50\n".utf8))], codebook: codebook)
    #expect(result.findings.first { $0.rule == .raggedRow }?.recordID == nil)
  }

  @Test("plausible ids are short, on one line, without delimiters or quotes; shapes map letters and digits")
  func rules() {
    #expect(RecordIDTrust.plausible("MD-S-0001"))
    #expect(!RecordIDTrust.plausible("R2;Ion;+373"))
    #expect(!RecordIDTrust.plausible("a,b"))
    #expect(!RecordIDTrust.plausible("line\nbreak"))
    #expect(!RecordIDTrust.plausible(String(repeating: "x", count: 65)))
    #expect(RecordIDTrust.shape("MD-S-0042") == Array("AA-A-9999".utf8))
    #expect(RecordIDTrust.shape("Ion") == Array("AAA".utf8))
  }
}
