import SurveyCore
import _SurveyTestSupport

@testable import SurveyValidate

/// A small Kobo-like codebook for the field-quality checks.
let checksCodebook = try! Codebook.parse(
  yaml: """
    survey: checks
    id: rid
    missing_codes: {98: "Don't know", 99: Refused}
    variables:
      - {name: rid, type: text, unique: true}
      - {name: start, type: datetime}
      - {name: end, type: datetime}
      - {name: day, type: date}
      - {name: who, type: text}
      - {name: q1, type: categorical, codes: {1: A, 2: B, 96: Other}, other: {code: 96, specify: q1_other}}
      - {name: q1_other, type: text}
      - {name: n, type: integer}
      - {name: cost, type: decimal, missing_codes: {}}
      - {name: note, type: text}
      - {name: uuid, type: text}
    """)

/// The findings of `rule` on `csv` read with ``checksCodebook``, under `checks`.
func findings(_ rule: some ValidationRule, _ csv: String, checks: ChecksSpec?) throws -> [Finding] {
  let (table, _) = try read(csv, codebook: checksCodebook)
  return try rule.check(ValidationContext(table: table, codebook: checksCodebook, checks: checks)).sortedForReport()
}
