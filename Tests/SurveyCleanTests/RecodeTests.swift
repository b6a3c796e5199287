import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyClean

let recodeCodebook = try! Codebook.parse(
  yaml: """
    survey: r
    id: id
    missing_codes: {98: "Don't know"}
    variables:
      - {name: id, type: text}
      - {name: country_text, type: text}
      - {name: status, type: categorical, codes: {1: Current, 2: Returned, 3: Never}}
      - {name: age, type: integer}
    """)

/// Cleans a test table of four records with `recodes` and `derives`.
func transformed(recodes: [RecodeSpec] = [], derives: [DeriveSpec] = []) -> CleanResult {
  let table = testTable(
    [
      textColumn("id", ["R1", "R2", "R3", "R4"]),
      textColumn("country_text", ["Italia", "Rusia", "Germany", nil]),
      codeColumn("status", ["1", "2", "3", nil], levels: ["1", "2", "3"]),
      numberColumn("age", [25, 47, 17, 61]),
    ], id: "id")
  var policy = CleanPolicy()
  policy.recodes = recodes
  policy.derives = derives
  return Clean.run(table, codebook: recodeCodebook, findings: [], policy: policy)
}

func cells(_ result: CleanResult, _ name: String) -> [String?] {
  guard let column = result.table.column(name) else { return [] }
  return (0..<column.count).map { column.formatted(row: $0) }
}

func logLines(_ result: CleanResult) -> [String] {
  CleaningLog.csv(result.changes).split(separator: "\n").dropFirst().map(String.init)
}

@Suite("Clean: recodes")
struct RecodeTests {
  let countries = [RecodeSpec.Entry(from: "Italia", to: "1"), .init(from: "Italy", to: "1"), .init(from: "Rusia", to: "2")]

  @Test("into a new categorical: mapped values, others missing; one summary line in the log")
  func intoNew() {
    let new = NewVariable(name: "country", type: .categorical, codes: [.init(code: "1", label: "Italy"), .init(code: "2", label: "Russia")])
    let result = transformed(recodes: [
      RecodeSpec(name: "country", variable: "country_text", into: "country", map: countries, other: .missing, newVariable: new)
    ])
    #expect(cells(result, "country") == ["1", "2", nil, nil])
    #expect(cells(result, "country_text") == ["Italia", "Rusia", "Germany", nil])
    #expect(logLines(result) == [",country,,\"2 mapped, 0 kept, 2 missing\",recode:country,,"])
  }

  @Test("into a new text variable with other: keep, values not in the map are copied")
  func keepOthers() {
    let new = NewVariable(name: "country_clean", type: .text)
    let map = [RecodeSpec.Entry(from: "Italia", to: "Italy"), .init(from: "Rusia", to: "Russia")]
    let result = transformed(recodes: [
      RecodeSpec(name: "fix", variable: "country_text", into: "country_clean", map: map, other: .keep, newVariable: new)
    ])
    #expect(cells(result, "country_clean") == ["Italy", "Russia", "Germany", nil])
    #expect(logLines(result) == [",country_clean,,\"2 mapped, 1 kept, 1 missing\",recode:fix,,"])
  }

  @Test("in place: every changed value is logged with its record, batch and line")
  func inPlace() {
    let result = transformed(recodes: [
      RecodeSpec(name: "merge", variable: "status", into: "status", map: [.init(from: "2", to: "1")]),
      RecodeSpec(
        name: "spelling", variable: "country_text", into: "country_text",
        map: [.init(from: "Italia", to: "Italy"), .init(from: "Rusia", to: "Russia")], other: .missing),
    ])
    #expect(cells(result, "status") == ["1", "1", "3", nil])
    #expect(cells(result, "country_text") == ["Italy", "Russia", nil, nil])
    #expect(logLines(result) == [
      "R1,country_text,Italia,Italy,recode:spelling,test.csv,2", "R2,country_text,Rusia,Russia,recode:spelling,test.csv,3",
      "R2,status,2,1,recode:merge,test.csv,3", "R3,country_text,Germany,,recode:spelling,test.csv,4",
    ])
  }

  @Test("numbers match as numbers: a map from 25.0 matches 25")
  func numbers() {
    let result = transformed(recodes: [
      RecodeSpec(name: "age", variable: "age", into: "age", map: [.init(from: "25.0", to: "26")])
    ])
    #expect(cells(result, "age") == ["26", "47", "17", "61"])
  }
}

@Suite("Clean: derived variables")
struct DeriveTests {
  @Test("a condition, a number and a cut; values missing where an input is; one summary line each")
  func derive() throws {
    let result = transformed(derives: [
      DeriveSpec(
        variable: NewVariable(name: "returned", type: .categorical, codes: DeriveSpec.conditionCodes),
        rule: .expression(try Expression.parse("status == 2"))),
      DeriveSpec(variable: NewVariable(name: "age_next", type: .integer), rule: .expression(try Expression.parse("age + 1"))),
      DeriveSpec(variable: NewVariable(name: "half_age", type: .integer), rule: .expression(try Expression.parse("age / 5"))),
      DeriveSpec(
        variable: NewVariable(
          name: "age_group", type: .categorical,
          codes: [.init(code: "1", label: "18-29"), .init(code: "2", label: "30-59"), .init(code: "3", label: "60+")]),
        rule: .cut(variable: "age", breaks: [18, 30, 60])),
    ])
    #expect(cells(result, "returned") == ["0", "1", "0", nil])
    #expect(cells(result, "age_next") == ["26", "48", "18", "62"])
    // An integer variable holds only whole numbers.
    #expect(cells(result, "half_age") == ["5", nil, nil, nil])
    #expect(cells(result, "age_group") == ["1", "2", nil, "3"])
    #expect(logLines(result) == [
      ",returned,,\"3 values, 1 missing\",derive:returned,,", ",age_next,,\"4 values, 0 missing\",derive:age_next,,",
      ",half_age,,\"1 values, 3 missing\",derive:half_age,,", ",age_group,,\"3 values, 1 missing\",derive:age_group,,",
    ])
  }

  @Test("a decision on a derived variable is reported: it is computed after the decisions")
  func decisionOnDerived() throws {
    let table = testTable([textColumn("id", ["R1"]), codeColumn("status", ["2"], levels: ["1", "2", "3"])], id: "id")
    var policy = CleanPolicy()
    policy.derives = [
      DeriveSpec(
        variable: NewVariable(name: "returned", type: .categorical, codes: DeriveSpec.conditionCodes),
        rule: .expression(try Expression.parse("status == 2")))
    ]
    let decisions = DecisionsFile(
      name: "d.csv", decisions: [Decision(recordID: "R1", variable: "returned", oldValue: "1", action: .set, newValue: "0", line: 2)])
    let result = Clean.run(table, codebook: recodeCodebook, findings: [], policy: policy, decisions: decisions)
    #expect(result.findings.map(\.rule) == [.decisionUnknownVariable])
    #expect(result.findings.first?.message.hasPrefix("returned is computed by the pipeline") == true)
    #expect(cells(result, "returned") == ["1"])
  }

  @Test("cut groups: each break starts a group, the last has no upper bound")
  func groups() {
    let breaks: [Double] = [18, 30, 45]
    #expect([17.9, 18, 29.99, 30, 44, 45, 200].map { Cleaner.group(of: $0, breaks: breaks) } == [-1, 0, 0, 1, 1, 2, 2])
  }

  @Test("derived values use the data after decisions and cleaning: a dropped record is not counted")
  func afterCleaning() throws {
    let table = testTable(
      [textColumn("id", ["R1", "R1", "R2"]), codeColumn("status", ["1", "2", "2"], levels: ["1", "2", "3"])], id: "id")
    var policy = CleanPolicy()
    policy.derives = [
      DeriveSpec(
        variable: NewVariable(name: "returned", type: .categorical, codes: DeriveSpec.conditionCodes),
        rule: .expression(try Expression.parse("status == 2")))
    ]
    let result = Clean.run(table, codebook: recodeCodebook, findings: [], policy: policy)
    #expect(cells(result, "returned") == ["0", "1"])
    #expect(logLines(result).last == ",returned,,\"2 values, 0 missing\",derive:returned,,")
  }
}
