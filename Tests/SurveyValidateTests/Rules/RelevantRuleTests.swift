import Testing

@testable import SurveyValidate

@Suite("rule: relevant")
struct RelevantRuleTests {
  @Test("answers to questions that do not apply are warnings; undecidable ones are not reported")
  func reports() throws {
    let found = try findings(
      RelevantRule(),
      """
      respondent_id,migrant_status,destination,year_departed,year_returned
      R1,3,RU,2010,
      R2,1,IT,2015,2020
      R3,,RU,2001,2003
      R4,2,RU,2005,98
      R5,3,,,
      """)
    #expect(summary(found) == ["2:destination=RU", "2:year_departed=2010", "3:year_returned=2020"])
    #expect(found.allSatisfy { $0.severity == .warning })
    #expect(found[0].message == "destination is answered although it does not apply (relevant: (migrant_status in (1, 2)) is false)")
  }

  @Test("a missing code where the question does not apply is reported too")
  func missingCodeAnswer() throws {
    let found = try findings(RelevantRule(), "respondent_id,migrant_status,year_returned\nR1,1,99\n")
    #expect(summary(found) == ["2:year_returned=99"])
  }
}
