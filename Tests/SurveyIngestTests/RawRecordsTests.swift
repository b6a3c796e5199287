import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyIngest

@Suite("raw records for the validation page")
struct RawRecordsTests {
  static let codebook = try! Codebook.parse(
    yaml: """
      survey: raw
      id: id
      variables:
        - {name: id, type: text, required: true, unique: true}
        - {name: phone, type: text, pii: true}
        - {name: age, type: integer}
        - {name: note, type: text, line_breaks: true}
      """)

  /// The raw records of `lines` of `text` (one batch), with the `pii` variables masked.
  static func raw(
    _ text: String, lines: Set<Int>, read: ReadOptions = ReadOptions(), changeFileTo changed: String? = nil
  ) throws -> [Int: String] {
    let folder = try TemporaryDirectory("raw-records")
    let path = try folder.write("b.csv", text)
    let source = BatchSource(path: path, name: "b.csv", read: read)
    let schema = IngestSchema(codebook: codebook)
    let result = try Ingest.read([source], schema: schema)
    if let changed { try folder.write("b.csv", changed) }
    let personal = Set(codebook.variables.filter(\.pii).map(\.name))
    // As the driver does: each record must end before the line where ingest saw the next one start.
    let starts = result.table.rowLine.map(Int.init)
    var bounds: [Int: Int] = [:]
    for line in lines {
      guard let index = starts.firstIndex(of: line) else { continue }
      bounds[line] = index + 1 < starts.count ? starts[index + 1] : Int.max
    }
    return try RawRecords.read(source, report: result.batches[0], lines: bounds, schema: schema, personal: personal)
  }

  @Test("personal-data cells and unread columns are masked; the other cells are shown as CSV")
  func masked() throws {
    let texts = try Self.raw(
      #"""
      id,phone,age,note,comment
      R1,+37360000001,40,"fine, thanks",call me at home
      R2,+37360000002,<script>,"say ""hi""",
      R3,"",17,,x

      """#, lines: [2, 3, 4])
    #expect(texts[2] == "R1,•••,40,\"fine, thanks\",•••")
    #expect(texts[3] == "R2,•••,<script>,\"say \"\"hi\"\"\",•••")
    #expect(texts[4] == "R3,•••,17,,•••")
    #expect(!texts.values.contains { $0.contains("+373") || $0.contains("home") })
  }

  @Test("a record over several lines is shown whole; a semicolon batch keeps its delimiter")
  func multiLine() throws {
    let texts = try Self.raw(
      "id;phone;age;note\r\nR1;555;40;\"two\r\nlines\"\r\nR2;556;41;x\r\n", lines: [2, 4],
      read: ReadOptions(delimiter: UInt8(ascii: ";")))
    #expect(texts[2] == "R1;•••;40;\"two\r\nlines\"")
    #expect(texts[4] == "R2;•••;41;x")
  }

  @Test("a ragged record is left out when a column is masked, shown as it is when none is")
  func ragged() throws {
    let withPhone = try Self.raw("id,phone,age,note\nR1,555,40\nR2,556,41,x\n", lines: [2, 3])
    #expect(withPhone[2] == nil)
    #expect(withPhone[3] == "R2,•••,41,x")
    let withoutPhone = try Self.raw("id,age,note\nR1,40\n", lines: [2])
    #expect(withoutPhone[2] == "R1,40")
  }

  @Test("records after one with broken quoting or a quote that never closes are still shown")
  func afterBrokenQuotes() throws {
    let texts = try Self.raw(
      "id,phone,age,note\nR1,555,4\"0,x\nR2,556,41,x\nR3,557,\"42,x\nR4,558,43,x\n", lines: [2, 3, 4, 5])
    #expect(texts[2] == nil)
    #expect(texts[3] == "R2,•••,41,x")
    #expect(texts[4] == nil)
    #expect(texts[5] == "R4,•••,43,x")
  }

  @Test("a record whose quoted cell would swallow the next records is left out, as ingest set it aside")
  func strayQuotePair() throws {
    let texts = try Self.raw(
      "id,phone,age,note\nR1,555,20,\"a\nR2,556,40,b\nR3,557,50,c\"\nR4,558,60,d\n", lines: [2, 3, 4, 5])
    #expect(texts[2] == nil)
    #expect(texts[3] == "R2,•••,40,b")
    #expect(texts[5] == "R4,•••,60,d")
    #expect(!texts.values.contains { $0.contains("556") || $0.contains("557") })
  }

  @Test("a cell longer than the log limit stays cut; the record too")
  func capped() throws {
    let long = String(repeating: "ы", count: 300)
    let texts = try Self.raw("id,phone,age,note\nR1,555,40,\(long)\n", lines: [2])
    #expect(texts[2] == "R1,•••,40," + String(repeating: "ы", count: 200) + "…[600 bytes]")
    let huge = (1...300).map { _ in String(repeating: "x", count: 150) }.joined(separator: "\n")
    let record = try Self.raw("id,phone,age,note\nR1,555,40,\"\(huge)\"\n", lines: [2])[2] ?? ""
    #expect(record.unicodeScalars.count < RawRecords.recordLimit + 20)
  }

  @Test("a file changed since ingest gives no records")
  func changedFile() throws {
    let texts = try Self.raw(
      "id,phone,age,note\nR1,555,40,x\n", lines: [2], changeFileTo: "id,age,phone,note\nR1,40,555,x\n")
    #expect(texts.isEmpty)
  }

  @Test("a Windows-1251 batch is shown decoded")
  func decoded() throws {
    let folder = try TemporaryDirectory("raw-records")
    let bytes: [UInt8] = Array("id,phone,age,note\nR1,555,40,".utf8) + [0xEF, 0xF0, 0xE8] + Array("\n".utf8)
    let path = try folder.write("b.csv", bytes: bytes)
    let source = BatchSource(path: path, name: "b.csv", read: ReadOptions(encoding: .windows1251))
    let schema = IngestSchema(codebook: Self.codebook)
    let result = try Ingest.read([source], schema: schema)
    let texts = try RawRecords.read(
      source, report: result.batches[0], lines: [2: Int.max], schema: schema, personal: ["phone"])
    #expect(texts[2] == "R1,•••,40,при")
  }

  @Test(
    "a cell is quoted when empty, holding the delimiter, a quote or a line end, or edged by a space",
    arguments: [
      ("abc", "abc"), ("", "\"\""), ("a;b", "\"a;b\""), ("a,b", "a,b"), ("say \"hi\"", "\"say \"\"hi\"\"\""),
      ("a\nb", "\"a\nb\""), ("a\rb", "\"a\rb\""), (" a", "\" a\""), ("a ", "\"a \""), ("a b", "a b"),
      ("Chișinău", "Chișinău"),
    ])
  func quoting(cell: String, written: String) {
    #expect(RecordWriter(delimiter: UInt8(ascii: ";"), shown: []).quoted(cell) == written)
  }
}
