import SurveyCore
import Testing

@testable import SurveyIngest

@Suite("Ingest: Kobo/ODK multi-selects with split 0/1 columns")
struct SplitMultipleTests {
  /// Kobo's layout with "include groups": the space-separated column, then one 0/1 column per code.
  static let header = "respondent_id;grp_health/symptoms;grp_health/symptoms/fever;grp_health/symptoms/cough;grp_health/symptoms/pain"

  @Test("both forms agreeing: the space-separated column is read, no finding")
  func agreeing() throws {
    let result = try ingestKobo(
      """
      \(Self.header)
      R1;fever pain;1;0;1
      R2;;;;
      R3;cough;0;1;0
      """)
    #expect(result.findingsBesidesMissing.isEmpty)
    let symptoms = result.column("symptoms")
    #expect(symptoms.formatted(row: 0) == "fever pain")
    #expect(symptoms.state[1] == .empty)
    #expect(symptoms.formatted(row: 2) == "cough")
  }

  @Test("a disagreement is one error per record, variable and option; the space-separated value is kept")
  func disagreeing() throws {
    let result = try ingestKobo(
      """
      \(Self.header)
      R1;fever;0;1;0
      R2;pain;0;0;1
      """)
    let found = result.findings(.multipleDisagree)
    #expect(found.count == 2)
    #expect(found.allSatisfy { $0.severity == .error && $0.recordID == "R1" && $0.variable == "symptoms" && $0.line == 2 })
    #expect(found.map(\.value) == ["0", "1"])
    #expect(found[0].message.contains("column 3 ('grp_health/symptoms/fever') marks fever not selected (0)"))
    #expect(found[1].message.contains("column 4 ('grp_health/symptoms/cough') marks cough selected (1)"))
    #expect(result.column("symptoms").formatted(row: 0) == "fever")
  }

  @Test("for a personal-data variable the message does not say whether the option was selected")
  func personalMessage() {
    for kind in [SplitConflict.Kind.selectedOnlyInSplit, .selectedOnlyInWhole, .unreadable("7")] {
      let conflict = SplitConflict(row: 0, position: 2, bit: 0, kind: kind)
      let message = conflict.message(column: "g/hiv/positive", variable: "hiv", option: "positive", pii: true)
      #expect(message == "column 3 ('g/hiv/positive') does not agree with the space-separated hiv; hiv is read from its space-separated column")
    }
  }

  @Test("ODK Central writes 0 under an unanswered question: that agrees with a blank; a 1 does not")
  func odkZerosUnderBlank() throws {
    let result = try ingestKobo(
      """
      respondent_id,grp_health-symptoms,grp_health-symptoms/fever,grp_health-symptoms/cough,KEY
      R1,,0,0,uuid:1
      R2,,0,1,uuid:2
      """)
    let found = result.findings(.multipleDisagree)
    #expect(found.map(\.recordID) == ["R2"])
    #expect(result.column("symptoms").state == [.empty, .empty])
  }

  @Test("a split cell that is neither 0 nor 1 beside the space-separated column is a disagreement")
  func unreadableFlag() throws {
    let result = try ingestKobo("\(Self.header)\nR1;fever;yes;maybe;0\n")
    let found = result.findings(.multipleDisagree)
    #expect(found.count == 1)
    #expect(found.first?.value == "maybe")
    #expect(found.first?.message.contains("for cough holds neither 0 nor 1") == true)
  }

  @Test("an invalid space-separated cell is not compared (the validate stage reports it)")
  func invalidWholeNotCompared() throws {
    let result = try ingestKobo("\(Self.header)\nR1;fever rash;1;0;0\n")
    #expect(result.findings(.multipleDisagree).isEmpty)
    #expect(result.column("symptoms").state == [.invalid])
  }

  @Test("a record that cannot be lined up with the header gives no disagreement")
  func raggedRow() throws {
    let result = try ingestKobo("\(Self.header)\nR1;fever;0;1\n")
    #expect(result.findings(.multipleDisagree).isEmpty)
    #expect(result.findings(.raggedRow).count == 1)
  }

  @Test("only split columns: 1 selected, 0 not, blank missing, anything else invalid")
  func splitOnly() throws {
    let result = try ingestKobo(
      """
      respondent_id;grp_health/symptoms/fever;grp_health/symptoms/cough;grp_health/symptoms/pain
      R1;1;0;1
      R2;0;0;0
      R3;;;
      R4;1;2;0
      """)
    #expect(result.findingsBesidesMissing.isEmpty)
    let symptoms = result.column("symptoms")
    #expect(symptoms.formatted(row: 0) == "fever pain")
    #expect(symptoms.state == [.present, .present, .empty, .invalid])
    #expect(symptoms.formatted(row: 1) == "")
    #expect(symptoms.raw[3] == "symptoms/cough=2")
  }

  @Test("a split column for a code the codebook lacks: one warning per column, not per row")
  func unknownOption() throws {
    let result = try ingestKobo(
      """
      \(Self.header);grp_health/symptoms/Rash
      R1;fever;1;0;0;0
      R2;cough;0;1;0;0
      R3;;;;;
      """)
    let found = result.findings(.multipleUnknownOption)
    #expect(found.count == 1)
    #expect(found.first?.severity == .warning)
    #expect(found.first?.variable == "symptoms")
    #expect(
      found.first?.message
        == "column 6 ('grp_health/symptoms/Rash') is a split column of symptoms for the code 'Rash', which the codebook does not list; its values are not read"
    )
    #expect(result.findings(.unknownColumn).isEmpty)
    #expect(result.findings(.multipleDisagree).isEmpty)
  }

  @Test("two split columns for one code: a duplicate-column error naming both")
  func duplicateSplit() throws {
    let result = try ingestKobo("respondent_id,symptoms/fever,grp/symptoms/fever\nR1,1,0\n")
    let duplicate = try #require(result.findings(.duplicateColumn).first)
    #expect(duplicate.message.contains("'symptoms/fever'") && duplicate.message.contains("'grp/symptoms/fever'"))
    #expect(result.column("symptoms").formatted(row: 0) == "fever")
  }
}
