import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyIngest

/// Regression found by the conservation property test (seeds 29, 80, 130, … of
/// `SurveyPipelineTests.ConservationPropertyTests`): two stray quotes in a column whose answers
/// may hold line breaks make the records between them one legitimate-looking answer.
@Suite("Ingest: a pair of stray quotes in a column that may hold line breaks")
struct StrayQuotePairTests {
  @Test("the records between the quotes are read as records, and none of their values lands in another record")
  func recordsBetweenStrayQuotes() throws {
    // Line 2 opens a quote in `note` (line_breaks: true); the quote ending line 4 closes it.
    let result = try ingestNotes(
      """
      respondent_id,name,age,note
      R1,Ana,30,"a
      R2,Ion Secret,40,b
      R3,Eva,50,c"
      R4,Dan,60,d
      """)
    #expect(result.table.rowLine.contains(3), "the record on line 3 was not read as a record")
    #expect(result.table.rowLine.contains(4), "the record on line 4 was not read as a record")
    let notes = (0..<result.table.rowCount).compactMap { result.column("note").formatted(row: $0) }
    #expect(!notes.contains { $0.contains("Ion Secret") }, "a pii value of line 3 is in a note: \(notes)")
  }
}
