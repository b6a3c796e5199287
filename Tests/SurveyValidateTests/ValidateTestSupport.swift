import SurveyCore
import SurveyIngest
import _SurveyTestSupport

@testable import SurveyValidate

/// A codebook exercising every rule.
let ruleCodebook = try! Codebook.parse(
  yaml: """
    survey: rules
    id: respondent_id
    missing_codes: {98: "Don't know", 99: Refused}
    variables:
      - {name: respondent_id, type: text, required: true, unique: true}
      - {name: phone, type: text, pii: true, unique: true}
      - {name: sex, type: categorical, codes: {1: Male, 2: Female}, required: true}
      - {name: age, type: integer, range: [18, 99], required: true}
      - {name: migrant_status, type: categorical, codes: {1: Current, 2: Returned, 3: Never}}
      - {name: destination, type: categorical, codes: {RU: Russia, IT: Italy}, relevant: "migrant_status in (1, 2)", required: true}
      - {name: year_departed, type: integer, relevant: migrant_status != 3}
      - {name: year_returned, type: integer, relevant: migrant_status == 2, constraint: . >= year_departed}
      - {name: oop_cost, type: decimal, range: [0, null]}
      - {name: visit_date, type: date, format: "dd.MM.yyyy"}
      - {name: symptoms, type: multiple, codes: {fever: Fever, cough: Cough}}
    """)

/// The table of `csv` read with `codebook`, and the ingest findings.
func read(_ csv: String, codebook: Codebook = ruleCodebook) throws -> (DataTable, [Finding]) {
  let folder = try TemporaryDirectory("validate")
  let path = try folder.write("batch.csv", csv)
  let result = try Ingest.read(
    [BatchSource(path: path, name: "batch.csv", read: ReadOptions())], schema: IngestSchema(codebook: codebook))
  return (result.table, result.findings)
}

/// The findings of `rule` on `csv`.
func findings(_ rule: some ValidationRule, _ csv: String) throws -> [Finding] {
  let (table, _) = try read(csv)
  return try rule.check(ValidationContext(table: table, codebook: ruleCodebook)).sortedForReport()
}

/// A compact view of findings: `line:variable=value`.
func summary(_ findings: [Finding]) -> [String] {
  findings.map { "\($0.line ?? 0):\($0.variable ?? "")=\($0.value ?? "")" }
}
