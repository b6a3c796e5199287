import Testing

@testable import SurveyValidate

@Suite("rule: required")
struct RequiredRuleTests {
  @Test("blank required answers are reported where they apply")
  func reports() throws {
    let found = try findings(
      RequiredRule(),
      """
      respondent_id,sex,age,migrant_status,destination
      R1,,40,3,
      ,2,99,1,
      R3,1,,2,RU
      R4,7,30,,
      """)
    // R1: destination does not apply (never migrated). Line 3: id blank; destination blank for a
    // current migrant; age 99 is a missing code (an answer). R4: sex 7 is a code error, not
    // blank; destination cannot be decided (migrant_status blank) and is not reported.
    #expect(summary(found) == ["2:sex=", "3:respondent_id=", "3:destination=", "4:age="])
    #expect(found.allSatisfy { $0.severity == .error })
    #expect(found[0].message == "sex is required but blank")
  }

  @Test("a column absent from the batch is not reported cell by cell")
  func absentColumn() throws {
    let (table, ingestFindings) = try read("respondent_id,sex\nR1,1\n")
    let found = try RequiredRule().check(ValidationContext(table: table, codebook: ruleCodebook)).sortedForReport()
    #expect(found.isEmpty)
    #expect(ingestFindings.contains { $0.rule == .missingColumn && $0.variable == "age" && $0.severity == .error })
  }
}
