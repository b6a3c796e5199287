import SurveyCore
import Testing

@testable import SurveyValidate

@Suite("rule: constraint")
struct ConstraintRuleTests {
  @Test("a value breaking its constraint is an error; undecidable records are not reported")
  func reports() throws {
    let found = try findings(
      ConstraintRule(),
      """
      respondent_id,migrant_status,year_departed,year_returned
      R1,2,2010,2008
      R2,2,2010,2010
      R3,2,,2012
      R4,2,2010,98
      """)
    #expect(summary(found) == ["2:year_returned=2008"])
    #expect(found[0].message == "year_returned breaks its constraint (. >= year_departed)")
    #expect(found[0].severity == .error)
  }

  @Test("a long constraint is quoted by its start and length")
  func longConstraint() throws {
    let constraint = try Expression.parse((0..<9_000).map { ". == \($0)" }.joined(separator: " or "))
    let message = ConstraintRule.message(Variable(name: "age", type: .integer), constraint)
    #expect(message.hasPrefix("age breaks its constraint ((. == 0) or (. == 1) or"))
    #expect(message.hasSuffix("… (\(constraint.description.count) characters)"))
    #expect(message.count < 300)
  }
}
