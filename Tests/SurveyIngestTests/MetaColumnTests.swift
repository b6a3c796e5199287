import SurveyCore
import Testing

@testable import SurveyIngest

@Suite("Ingest: Kobo and ODK meta columns")
struct MetaColumnTests {
  @Test("Kobo's meta columns not in the codebook: one info finding counting them, no unknown-column")
  func koboMetaIgnored() throws {
    let result = try ingestKobo(
      """
      start;end;today;username;deviceid;respondent_id;sex;meta/instanceID;formhub/uuid;_id;_uuid;_submission_time;_validation_status;_notes;_status;_submitted_by;__version__;_tags;_index;comment
      2026-03-02T09:00:00+02:00;2026-03-02T09:40:00+02:00;2026-03-02;enum1;dev1;R1;1;uuid:a;f1;11;a;2026-03-02T07:41:00;;;submitted_via_web;;v1;;1;hi
      """)
    #expect(result.findings(.unknownColumn).map(\.variable) == ["comment"])
    let meta = try #require(result.findings(.metaColumns).first)
    #expect(result.findings(.metaColumns).count == 1)
    #expect(meta.severity == .info)
    #expect(meta.line == 1)
    #expect(meta.message == "17 Kobo/ODK meta columns the codebook does not name are not read: 'start', 'end', 'today', 'username', 'deviceid' and 12 more")
  }

  @Test("ODK Central's meta columns are set apart too")
  func odkMetaIgnored() throws {
    let result = try ingestKobo(
      """
      SubmissionDate,respondent_id,sex,meta-instanceID,KEY,SubmitterID,SubmitterName,AttachmentsPresent,AttachmentsExpected,Status,ReviewState,DeviceID,Edits,FormVersion
      2026-03-02T07:41:00.000Z,R1,2,uuid:a,uuid:a,5,Ion,0,0,,,dev1,0,v1
      """)
    #expect(result.findings(.unknownColumn).isEmpty)
    #expect(result.findings(.metaColumns).first?.message.hasPrefix("12 Kobo/ODK meta columns") == true)
  }

  @Test("meta columns the codebook names are read: _uuid exactly, instanceID from meta/instanceID")
  func namedMetaRead() throws {
    let result = try ingestKobo(
      """
      respondent_id,sex,meta/instanceID,_uuid,_submission_time,_id
      R1,1,uuid:a1,a1,2026-03-02T07:41:00,11
      """, codebook: koboCodebookWithMeta)
    #expect(result.column("_uuid").formatted(row: 0) == "a1")
    #expect(result.column("instanceID").formatted(row: 0) == "uuid:a1")
    #expect(result.column("_submission_time").formatted(row: 0) == "2026-03-02T07:41:00")
    #expect(result.findings(.metaColumns).first?.message == "1 Kobo/ODK meta column the codebook does not name is not read: '_id'")
    #expect(result.findings(.missingColumn).isEmpty)
  }

  @Test("a file without meta columns has no meta-columns finding")
  func noMeta() throws {
    let result = try ingestKobo("respondent_id,sex\nR1,1\n")
    #expect(result.findingsBesidesMissing.isEmpty)
  }

  @Test("what counts as meta")
  func classification() {
    for key in ["_uuid", "__version__", "meta/instancename", "meta-instanceid", "formhub/uuid", "submissiondate", "start"] {
      #expect(ExportHeader.isMeta(key), "\(key)")
    }
    for key in ["sex", "_1_plan", "grp/start", "metadata", "symptoms/fever"] {
      #expect(!ExportHeader.isMeta(key), "\(key)")
    }
  }
}
