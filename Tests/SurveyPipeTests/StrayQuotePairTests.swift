import Foundation
import Testing
import _SurveyTestSupport

/// Regression found by the conservation property test: two stray quotes in a column whose
/// answers may hold line breaks (`note`) hide the records between them, and write their
/// personal data into the tidy data, with exit 0, `conserved: true` and no finding.
@Suite("survey-pipe run: a pair of stray quotes in a multi-line column")
struct StrayQuotePairTests {
  @Test("the records between the quotes are kept or dropped with a reason, and their personal data is written nowhere")
  func recordsBetweenStrayQuotes() throws {
    let survey = try MiniSurvey()
    try survey.batch(
      """
      id,name,phone,age,w,note
      R1,Dan,+37360000001,20,1,"a
      R2,Ion Private,+37369111222,40,1,b
      R3,Eva,+37360000002,50,1,c"
      R4,Ana,+37360000003,60,1,d

      """)
    let result = try survey.run()
    #expect(result.status == 0, "\(result.stderr)")
    let tidy = CSVTable(try survey.output("tidy/survey.csv")).rows.compactMap { $0["id"]?.text }
    let dropped = CSVTable(try survey.output("cleaning-log.csv")).rows.compactMap { $0["line"]?.text }
    #expect(tidy.contains("R2") || dropped.contains("3"), "R2 (line 3) is neither in the tidy data nor dropped")
    #expect(tidy.contains("R3") || dropped.contains("4"), "R3 (line 4) is neither in the tidy data nor dropped")
    let records = try survey.manifest()["records"] as! [String: Any]
    #expect(records["raw"] as? Int == 4)
    let everything = try survey.allOutputs() + result.stdout + result.stderr
    for secret in ["Ion Private", "+37369111222"] {
      #expect(!everything.contains(secret), "\(secret) reached an output")
    }
  }
}
