import Testing

@testable import SurveyXLSForm

@Suite("XLSForm expressions in the codebook's language")
struct XLSFormExpressionTests {
  @Test(
    "translated",
    arguments: [
      ("${migrant_status} = 1", "migrant_status == 1"),
      ("${a} != 'x' and ${b} >= 2", "a != 'x' and b >= 2"),
      (". >= ${year_departed}", "year_returned >= year_departed"),
      ("not(${insured} = 1) or ${age} < 18", "not(insured == 1) or age < 18"),
      ("selected(${symptoms}, 'fever')", "selected(symptoms, 'fever')"),
      (". > 0 and . <= 1000000", "year_returned > 0 and year_returned <= 1000000"),
      ("${cost} div 2 - 1 > 3", "cost / 2 - 1 > 3"),
      ("count-selected(.) <= 3", "count_selected(year_returned) <= 3"),
      ("string-length(${name}) > 0", "string_length(name) > 0"),
      ("${age} = '' or ${sex} != \"\"", "missing(age) or present(sex)"),
      (". != ''", "present(year_returned)"),
    ])
  func translated(xlsform: String, codebook: String) {
    #expect(XLSFormExpression.translate(xlsform, self: "year_returned") == .success(codebook))
  }

  @Test(
    "refused, naming the part",
    arguments: [
      ("format-date(., '%Y') = '2026'", "format-date()"),
      ("${d} <= today()", "today()"),
      ("regex(., '[0-9]+')", "regex()"),
    ])
  func refused(xlsform: String, part: String) {
    #expect(XLSFormExpression.translate(xlsform, self: "x") == .failure(.init(part: part)))
  }
}
