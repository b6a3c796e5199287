import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyIngest

@Suite("Ingest: Kobo and ODK group paths in headers")
struct GroupPathTests {
  @Test("Kobo's group paths (`/`, nested too) match the variable inside the group")
  func koboGroups() throws {
    let result = try ingestKobo(
      """
      grp_intro/respondent_id;grp_intro/sex;group_a/group_b/age
      R1;2;34
      R2;1;51
      """)
    #expect(result.findingsBesidesMissing.isEmpty)
    #expect(result.column("sex").codes == [1, 0])
    #expect(result.column("age").numbers == [34, 51])
    #expect(result.table.recordID(row: 1) == "R2")
  }

  @Test("ODK Central's group paths (`-`) match, the longest name inside them first (an alias may hold `-`)")
  func odkGroups() throws {
    let hyphenated = try Codebook.parse(
      yaml: """
        survey: odk-test
        id: respondent_id
        variables:
          - {name: respondent_id, type: text}
          - {name: hh_size, type: integer, aliases: [hh-size]}
          - {name: size, type: integer}
        """)
    let result = try ingestKobo(
      "SubmissionDate,grp_intro-respondent_id,household-hh-size,size,KEY\n2026-03-01,R1,4,7,uuid:1\n", codebook: hyphenated)
    #expect(result.findingsBesidesMissing.filter { $0.rule != .metaColumns }.isEmpty)
    #expect(result.column("hh_size").numbers == [4])
    #expect(result.column("size").numbers == [7])
  }

  /// Found in review: `-` was a group separator in every file, so a plain CSV's `mother-age`
  /// was read as `age` without a word.
  @Test("outside an ODK Central export, `-` is part of a name, not a group path")
  func dashOutsideODK() throws {
    let codebook = try Codebook.parse(
      yaml: """
        survey: plain
        id: respondent_id
        variables:
          - {name: respondent_id, type: text}
          - {name: age, type: integer}
        """)
    let plain = try ingestKobo("respondent_id,mother-age\nR1,61\n", codebook: codebook)
    #expect(plain.findings(.unknownColumn).map(\.variable) == ["mother-age"])
    #expect(plain.column("age").state == [.empty])
    let odk = try ingestKobo("KEY,respondent_id,mother-age\nuuid:1,R1,61\n", codebook: codebook)
    #expect(odk.column("age").numbers == [61])
    #expect(ExportHeader.withoutGroups("mother-age", dashGroups: false).isEmpty)
  }

  @Test("an exact name wins over a group path, whichever column comes first")
  func exactWins() throws {
    let result = try ingestKobo("respondent_id,grp_b/sex,sex\nR1,1,2\n")
    #expect(result.column("sex").codes == [1])
    let unknown = result.findings(.unknownColumn)
    #expect(unknown.count == 1)
    #expect(unknown.first?.variable == "grp_b/sex")
    #expect(unknown.first?.message.contains("column 3 ('sex') matches it exactly") == true)
    #expect(result.findings(.duplicateColumn).isEmpty)
  }

  @Test("two group paths to one variable: a duplicate-column error naming both, the first is read")
  func twoGroupPaths() throws {
    let result = try ingestKobo("respondent_id,grp_a/sex,grp_b/sex\nR1,1,2\n")
    let duplicate = try #require(result.findings(.duplicateColumn).first)
    #expect(result.findings(.duplicateColumn).count == 1)
    #expect(duplicate.severity == .error)
    #expect(duplicate.variable == "sex")
    #expect(duplicate.message.contains("'grp_a/sex'") && duplicate.message.contains("'grp_b/sex'"))
    #expect(result.column("sex").codes == [0])
  }

  @Test("exact duplicates name both columns too")
  func exactDuplicates() throws {
    let result = try ingestKobo("respondent_id,age,Age\nR1,30,31\n")
    let duplicate = try #require(result.findings(.duplicateColumn).first)
    #expect(duplicate.message == "columns 2 ('age') and 3 ('Age') both match age; only column 2 is read")
    #expect(result.column("age").numbers == [30])
  }

  @Test("where a repeated column is fatal (ad-hoc reads), the error names both headers")
  func fatalDuplicate() throws {
    let folder = try TemporaryDirectory("group-path")
    let path = try folder.write("b.csv", bytes: Array("id,grp/x,x2/x\n1,2,3\n".utf8))
    let schema = IngestSchema(
      fields: [IngestField(name: "id", type: .text), IngestField(name: "x", type: .integer)],
      reportsUnknownColumns: false, missingColumnIsFatal: true)
    #expect {
      try Ingest.read([BatchSource(path: path, name: "b.csv", read: ReadOptions())], schema: schema)
    } throws: { error in
      (error as? IngestError)?.errorDescription?.contains("the column 'x2/x' appears more than once in the header ('grp/x' and 'x2/x' both match 'x')") == true
    }
  }

  @Test("a column under a group path matching nothing is still an unknown column")
  func unknownUnderGroup() throws {
    let result = try ingestKobo("respondent_id,grp/comment\nR1,hi\n")
    #expect(result.findings(.unknownColumn).map(\.variable) == ["grp/comment"])
  }

  @Test("formhub/uuid is the form's id: it never matches a variable named uuid")
  func formhubNotStripped() {
    #expect(ExportHeader.withoutGroups("formhub/uuid").isEmpty)
    #expect(ExportHeader.withoutGroups("a/b-c") == ["b-c", "c"])
    #expect(ExportHeader.withoutGroups("sex").isEmpty)
  }
}
