import SurveyCore
import Testing

@testable import SurveyIngest

/// A codebook whose labels have several words, as real forms' do.
private let labelledCodebook = try! Codebook.parse(
  yaml: """
    survey: labels-test
    id: respondent_id
    missing_codes: {98: "Don't know", 99: Refused}
    variables:
      - {name: respondent_id, type: text, required: true, unique: true, label: Respondent ID}
      - {name: sex, type: categorical, codes: {1: Male, 2: Female}, label: Sex of respondent}
      - {name: country, type: categorical, codes: {RU: Russia, IT: Italy, OT: Other country}, label: Main destination}
      - {name: symptoms, type: multiple, label: Symptoms in the last 30 days,
         codes: {chest: Chest pain, pain: Pain, fever: Fever, cough: Cough, nolabel: ""}}
    """)

private let labels = ReadOptions(values: .labels, headers: .labels)

@Suite("Ingest: exports made with labels (read: {values: labels, headers: labels})")
struct LabelMatcherTests {
  func matcher(_ name: String) -> (LabelMatcher, LevelMatcher) {
    let field = IngestSchema(codebook: labelledCodebook).fields.first { $0.name == name }!
    return (LabelMatcher(field: field), LevelMatcher(field.levels))
  }

  func bytes<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
    Array(text.utf8).withUnsafeBufferPointer(body)
  }

  @Test("a label is its code's index whatever its case and runs of white space; other text is not")
  func singleLabels() {
    let (labels, _) = matcher("country")
    #expect(bytes("Italy") { labels.level($0) } == 1)
    #expect(bytes("  other   COUNTRY ") { labels.level($0) } == 2)
    #expect(bytes("Italia") { labels.level($0) } == nil)
    #expect(bytes("IT") { labels.level($0) } == nil)  // a code: LevelMatcher's, not a label
    #expect(bytes("Refused") { labels.missingCode($0) } == 1)
    #expect(bytes("don't know") { labels.missingCode($0) } == 0)
  }

  @Test("multi-select labels joined by spaces are cut into labels, multi-word ones included")
  func selections() {
    let (labels, codes) = matcher("symptoms")
    // codes in order: chest 0, pain 1, fever 2, cough 3, nolabel 4
    #expect(bytes("Fever Cough") { labels.selections($0, codes: codes) } == 0b01100)
    #expect(bytes("Chest pain Fever") { labels.selections($0, codes: codes) } == 0b00101)  // "Chest" alone is no label
    #expect(bytes("Pain Fever") { labels.selections($0, codes: codes) } == 0b00110)
    #expect(bytes("Fever nolabel") { labels.selections($0, codes: codes) } == 0b10100)  // a code where the option has no label
    #expect(bytes("Fever Headache") { labels.selections($0, codes: codes) } == nil)
    #expect(bytes("") { labels.selections($0, codes: codes) } == 0)
  }

  @Test("a cut that is not the only one is refused: the cell is invalid, not guessed")
  func ambiguousCut() throws {
    let codebook = try Codebook.parse(
      yaml: """
        survey: t
        id: id
        variables:
          - {name: id, type: text}
          - {name: s, type: multiple, codes: {a: Chest, b: Pain, c: Chest pain}}
        """)
    let field = IngestSchema(codebook: codebook).fields[1]
    let labels = LabelMatcher(field: field)
    let codes = LevelMatcher(field.levels)
    #expect(bytes("Chest pain") { labels.selections($0, codes: codes) } == nil)
    #expect(bytes("Pain Chest") { labels.selections($0, codes: codes) } == 0b011)
  }

  @Test("cells read back to codes; a missing code's label is logged as its code; other text is invalid")
  func ingestCells() throws {
    let result = try ingest(
      """
      Respondent ID;Sex of respondent;Main destination;Symptoms in the last 30 days
      R1;Female;Italy;Chest pain Fever
      R2;male;IT;Cough
      R3;Refused;Germany;Fever Headache
      R4;;Other country;
      """, read: labels, codebook: labelledCodebook)
    #expect(result.findings(.unknownColumn).isEmpty)
    #expect(result.findings(.missingColumn).isEmpty)
    let sex = result.column("sex")
    #expect((0..<4).map { sex.formatted(row: $0) } == ["2", "1", nil, nil])
    #expect(sex.state[2] == .missingCode && sex.raw[2] == "99")
    let country = result.column("country")
    #expect((0..<4).map { country.formatted(row: $0) } == ["IT", "IT", nil, "OT"])
    #expect(country.state[2] == .invalid && country.raw[2] == "Germany")
    let symptoms = result.column("symptoms")
    #expect(symptoms.formatted(row: 0) == "chest fever")
    #expect(symptoms.formatted(row: 1) == "cough")
    #expect(symptoms.state[2] == .invalid && symptoms.raw[2] == "Fever Headache")
  }

  @Test("without values: labels a label is not a code")
  func codesByDefault() throws {
    let result = try ingest(
      """
      respondent_id,sex
      R1,Female
      """, codebook: labelledCodebook)
    #expect(result.column("sex").state[0] == .invalid)
  }

  @Test("headers: labels: group paths, split columns 'Question label/Option label', names still match")
  func headers() throws {
    let result = try ingest(
      """
      respondent_id;About you/Sex of respondent;Symptoms in the last 30 days/Chest pain;Symptoms in the last 30 days/Cough;Main destination
      R1;Male;1;1;Russia
      """, read: labels, codebook: labelledCodebook)
    #expect(result.findings(.unknownColumn).isEmpty)
    #expect(result.column("sex").formatted(row: 0) == "1")
    #expect(result.column("symptoms").formatted(row: 0) == "chest cough")
    #expect(result.column("country").formatted(row: 0) == "RU")
  }

  @Test("two codes sharing a label stop the read with a message naming the variable, codes and label")
  func ambiguousCodebook() throws {
    let codebook = try Codebook.parse(
      yaml: """
        survey: t
        id: id
        missing_codes: {98: Other}
        variables:
          - {name: id, type: text}
          - {name: q, type: categorical, codes: {1: Yes, 2: Other}}
        """)
    let error = #expect(throws: IngestError.self) { try ingest("id,q\nR1,Yes\n", read: labels, codebook: codebook) }
    guard case .ambiguousLabel(_, let variable, let label, let first, let second)? = error else {
      Issue.record("expected ambiguousLabel, got \(String(describing: error))")
      return
    }
    #expect([variable, label, first, second] == ["q", "Other", "2", "98"])
    let message = IngestError.ambiguousLabel(path: "b.csv", variable: "q", label: "Other", first: "2", second: "98")
      .localizedDescription
    #expect(message.contains("b.csv: the file is read with labels"))
    #expect(message.contains("codes '2' and '98' of 'q' share the label 'Other'"))
    // The same codebook reads a file of codes.
    #expect(try ingest("id,q\nR1,1\n", codebook: codebook).column("q").formatted(row: 0) == "1")
  }

  @Test("a label two questions share names neither column: it is reported, not guessed")
  func sharedQuestionLabel() throws {
    let codebook = try Codebook.parse(
      yaml: """
        survey: t
        id: id
        variables:
          - {name: id, type: text}
          - {name: a, type: integer, label: Age}
          - {name: b, type: integer, label: Age}
        """)
    let result = try ingest("id,Age\nR1,3\n", read: labels, codebook: codebook)
    #expect(result.findings(.unknownColumn).map(\.variable) == ["Age"])
  }

  @Test("split columns: an option label holding '/' is found; an option's label wins over a code spelled like it")
  func splitLabels() throws {
    let codebook = try Codebook.parse(
      yaml: """
        survey: t
        id: id
        variables:
          - {name: id, type: text}
          - {name: sym, type: multiple, label: Symptoms, codes: {fev: Fever/Chills, cou: Cough}}
          - {name: visits, type: multiple, label: Visits, codes: {"1": "2", "2": "3", "3": "1"}}
        """)
    let result = try ingest(
      """
      id;Symptoms/Fever/Chills;Symptoms/Cough;Visits/2;Visits/3;Visits/1
      r1;1;0;1;0;0
      r2;0;1;0;0;1
      """, read: labels, codebook: codebook)
    #expect(result.findings(.unknownColumn).isEmpty)
    #expect(result.findings(.multipleUnknownOption).isEmpty)
    #expect(result.column("sym").formatted(row: 0) == "fev")
    #expect(result.column("sym").formatted(row: 1) == "cou")
    // "Visits/2" is the option labelled "2", code 1; "Visits/1" the one labelled "1", code 3.
    #expect(result.column("visits").formatted(row: 0) == "1")
    #expect(result.column("visits").formatted(row: 1) == "3")
  }

  @Test("a code without a label stands for itself: {1: '', 2: '1'} cannot be read back and is refused")
  func unlabelledCode() throws {
    let codebook = try Codebook.parse(
      yaml: """
        survey: t
        id: id
        variables:
          - {name: id, type: text}
          - {name: q, type: categorical, codes: {"1": "", "2": "1"}}
        """)
    let shared = IngestSchema(codebook: codebook).sharedLabel()
    #expect(shared == IngestSchema.SharedLabel(variable: "q", label: "1", first: "1", second: "2"))
    #expect(throws: IngestError.self) { try ingest("id,q\nR1,1\n", read: labels, codebook: codebook) }
  }

  @Test("'Group label/Question label' where the group's label is a multi-select's: the question, not an unknown option")
  func groupLabelClash() throws {
    let codebook = try Codebook.parse(
      yaml: """
        survey: t
        id: id
        variables:
          - {name: id, type: text}
          - {name: sym, type: multiple, label: Symptoms, codes: {fev: Fever}}
          - {name: dur, type: integer, label: Duration in days}
        """)
    let result = try ingest(
      """
      id;Symptoms;Symptoms/Fever;Symptoms/Duration in days
      r1;Fever;1;4
      """, read: labels, codebook: codebook)
    #expect(result.findings(.multipleUnknownOption).isEmpty)
    #expect(result.findings(.missingColumn).isEmpty)
    #expect(result.column("dur").formatted(row: 0) == "4")
  }
}
