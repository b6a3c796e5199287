import SurveyCore
import _SurveyTestSupport

@testable import SurveyIngest

/// A small codebook used by the ingest tests.
let testCodebook = try! Codebook.parse(
  yaml: """
    survey: ingest-test
    id: respondent_id
    missing_codes: {98: "Don't know", 99: Refused}
    variables:
      - {name: respondent_id, type: text, required: true, unique: true}
      - {name: sex, type: categorical, codes: {1: Male, 2: Female}, aliases: [q1_sex]}
      - {name: age, type: integer, range: [18, 99]}
      - {name: oop_cost, type: decimal}
      - {name: region, type: text}
      - {name: interview_date, type: date, format: "dd.MM.yyyy"}
      - {name: symptoms, type: multiple, codes: {fever: Fever, cough: Cough, pain: Pain}}
    """)

/// Reads `files` (name → bytes) with the test codebook.
func ingest(
  _ files: [(String, [UInt8])], read: ReadOptions = ReadOptions(), codebook: Codebook = testCodebook
) throws -> IngestResult {
  let folder = try TemporaryDirectory("ingest")
  var sources: [BatchSource] = []
  for (name, bytes) in files {
    let path = try folder.write(name, bytes: bytes)
    sources.append(BatchSource(path: path, name: name, read: read))
  }
  return try Ingest.read(sources, schema: IngestSchema(codebook: codebook))
}

/// Reads one UTF-8 text file with the test codebook.
func ingest(_ text: String, read: ReadOptions = ReadOptions(), codebook: Codebook = testCodebook) throws -> IngestResult {
  try ingest([("batch.csv", Array(text.utf8))], read: read, codebook: codebook)
}

extension IngestResult {
  func column(_ name: String) -> Column { table.column(name)! }

  /// The findings of `rule`, in order.
  func findings(_ rule: RuleID) -> [Finding] { findings.filter { $0.rule == rule } }

  /// The rule of every finding, in order.
  var rules: [String] { findings.map(\.rule.rawValue) }
}
