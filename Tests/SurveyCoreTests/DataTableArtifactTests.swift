import Foundation
import SurveyCore
import Testing
import _SurveyTestSupport

@Suite("DataTable and Finding in a stage artifact: lossless")
struct DataTableArtifactTests {
  /// A table with a column of every kind, raw texts of invalid cells and missing codes, two
  /// batches, row issues and a missing column.
  static func table() -> DataTable {
    var age = numberColumn("age", [34, nil, -0.0, .nan, 1e300])
    age.type = .integer
    age.state[1] = .missingCode
    age.raw[1] = "98"
    age.state[3] = .invalid
    age.raw[3] = "thirty, \"or so\"\nmaybe"
    var sex = codeColumn("sex", ["1", "2", nil, "1", "2"])
    sex.state[2] = .invalid
    sex.raw[2] = "ș"
    let name = textColumn("name", ["Ana", "", nil, "Ion Ionescu", "Ţ😀"])
    let date = Column(
      name: "interview_date", type: .date, values: .dates([20000, -1, 0, 19000, 7]),
      state: [.present, .present, .empty, .present, .present])
    let symptoms = Column(
      name: "symptoms", type: .multiple, values: .selections([0b101, 0, 1 << 63, 2, 0]),
      state: [.present, .present, .present, .present, .empty], levels: ["fever", "cough", "pain"])
    var table = DataTable(
      columns: [textColumn("id", ["a", "b", "c", "d", "e"]), age, sex, name, date, symptoms],
      batches: [BatchInfo(name: "b1.csv", path: "/x/b1.csv"), BatchInfo(name: "b2.csv", path: "/x/b2.csv", decimal: 44)],
      rowBatch: [0, 0, 1, 1, 1], rowLine: [2, 3, 2, 5, 9],
      rowIssues: [3: RowIssue(rule: .raggedRow, idTrusted: true), 4: RowIssue(rule: .badQuote)], idColumn: "id")
    table.missingColumns = [MissingColumn(batch: 1, variable: "phone")]
    return table
  }

  static func encode(_ table: DataTable) -> [UInt8] {
    var writer = ArtifactWriter()
    table.write(to: &writer)
    return writer.bytes
  }

  @Test("a table reads back with every value, state, raw text, row location and issue")
  func roundTrip() throws {
    let original = Self.table()
    let bytes = Self.encode(original)
    var reader = ArtifactReader(bytes: bytes, file: "t")
    let table = try DataTable(reading: &reader)
    #expect(reader.atEnd)
    #expect(Self.encode(table) == bytes)
    #expect(table.rowBatch == original.rowBatch && table.rowLine == original.rowLine)
    #expect(table.batches == original.batches)
    #expect(table.rowIssues == original.rowIssues)
    #expect(table.missingColumns == original.missingColumns)
    #expect(table.idColumn == "id")
    #expect(table.columns.map(\.name) == original.columns.map(\.name))
    #expect(table.columns.map(\.type) == original.columns.map(\.type))
    let age = try #require(table.column("age"))
    #expect(age.raw == [1: "98", 3: "thirty, \"or so\"\nmaybe"])
    #expect(age.state == [.present, .missingCode, .present, .invalid, .present])
    #expect(age.numbers?[2].sign == .minus)
    #expect(age.numbers?[4] == 1e300)
    #expect(table.column("sex")?.raw == [2: "ș"])
    #expect(table.column("name")?.original(row: 4) == "Ţ😀")
    #expect(table.column("name")?.original(row: 1) == "")
    #expect(table.column("interview_date")?.original(row: 1) == CivilDate(daysSinceEpoch: -1).iso)
    #expect(table.column("symptoms")?.original(row: 0) == "fever pain")
    #expect(table.recordID(row: 3) == "d")
    #expect(table.recordID(row: 4) == nil)
  }

  @Test("findings read back with every field, the row and the enumerator included")
  func findings() throws {
    var finding = Finding(
      severity: .warning, rule: .range, variable: "age", recordID: "r1", batch: "b.csv", line: 7, value: "120",
      message: "out of range", row: 5, batchIndex: 2)
    finding.resolution = "decision: accept"
    finding.enumerator = "ion"
    let bare = Finding(severity: .error, rule: .tableFailed, message: "m")
    var writer = ArtifactWriter()
    writer.findings([finding, bare])
    var reader = ArtifactReader(bytes: writer.bytes, file: "t")
    #expect(try reader.findings() == [finding, bare])
    #expect(reader.atEnd)
  }

  @Test("a truncated table is an error naming the file, not a crash")
  func truncated() throws {
    let bytes = Self.encode(Self.table())
    for cut in [0, 1, 9, bytes.count / 2, bytes.count - 1] {
      var reader = ArtifactReader(bytes: Array(bytes[0..<cut]), file: "cut.artifact")
      #expect(throws: CoreError.self) { _ = try DataTable(reading: &reader) }
    }
  }
}
