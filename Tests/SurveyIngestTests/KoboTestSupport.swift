import SurveyCore

@testable import SurveyIngest

/// A small codebook for reading Kobo and ODK exports: the id and two questions of a group
/// `grp_intro`, a multi-select of a group `grp_health`.
let koboCodebook = try! Codebook.parse(
  yaml: """
    survey: kobo-test
    id: respondent_id
    variables:
      - {name: respondent_id, type: text, required: true, unique: true}
      - {name: sex, type: categorical, codes: {1: Male, 2: Female}}
      - {name: age, type: integer}
      - {name: symptoms, type: multiple, codes: {fever: Fever, cough: Cough, pain: Pain}}
    """)

/// `koboCodebook` with the meta columns a pipeline may want: `_uuid`, `_submission_time` and
/// `instanceID`.
let koboCodebookWithMeta = try! Codebook.parse(
  yaml: """
    survey: kobo-test
    id: respondent_id
    variables:
      - {name: respondent_id, type: text, required: true, unique: true}
      - {name: sex, type: categorical, codes: {1: Male, 2: Female}}
      - {name: _uuid, type: text}
      - {name: _submission_time, type: text}
      - {name: instanceID, type: text}
    """)

/// Reads one export with `koboCodebook` (or `codebook`).
func ingestKobo(_ text: String, codebook: Codebook = koboCodebook) throws -> IngestResult {
  try ingest(text, codebook: codebook)
}

extension IngestResult {
  /// The findings but `missing-column` (the exports of these tests leave some variables out).
  var findingsBesidesMissing: [Finding] { findings.filter { $0.rule != .missingColumn } }
}
