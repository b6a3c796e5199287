import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyClean

@Suite("Clean: the clean stage's result in its artifact")
struct CleanResultArtifactTests {
  @Test("changes (with their sort keys), findings, counts, resolutions and accepts by finding id read back whole")
  func roundTrip() throws {
    var result = try clean(
      "respondent_id,phone,sex,age,oop_cost\nR1,+37360,1,17,5\nR2,,3,98,6\nR3,,2,40,x\nR3,,2,41,7\n",
      decisions: "record_id,variable,old_value,action,new_value,comment\nR1,age,17,accept,,young but eligible\nR2,sex,3,set,2,\n")
    #expect(!result.changes.isEmpty && !result.resolutions.isEmpty && result.droppedRecords == 1)
    result.findingDecisions = [
      FindingDecision(findingID: "F38334a4bf4", oldValue: "enum_c", comment: "checked", file: "d.csv", line: 4),
      FindingDecision(findingID: "Fdc7c17eefb", oldValue: nil, file: "d.csv", line: 5),
    ]
    var writer = ArtifactWriter()
    result.write(to: &writer)
    var reader = ArtifactReader(bytes: writer.bytes, file: "clean.artifact")
    let copy = try CleanResult(reading: &reader)
    #expect(reader.atEnd)
    #expect(copy.changes == result.changes)
    #expect(copy.changes.map(\.order) == result.changes.map(\.order))
    #expect(copy.findings == result.findings)
    #expect((copy.rawRecords, copy.droppedRecords) == (result.rawRecords, result.droppedRecords))
    #expect(Set(copy.resolutions.map { "\($0.row)|\($0.variable ?? "")|\($0.action)" })
      == Set(result.resolutions.map { "\($0.row)|\($0.variable ?? "")|\($0.action)" }))
    #expect(CleaningLog.csv(copy.changes) == CleaningLog.csv(result.changes))
    #expect(copy.findingDecisions == result.findingDecisions)
    var again = ArtifactWriter()
    copy.write(to: &again)
    #expect(again.bytes.count == writer.bytes.count)
  }
}
