import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyIngest

@Suite("ColumnBuilder: how cells become typed values")
struct ColumnBuilderTests {
  @Test("numbers that cannot be held are invalid cells with their text kept, not rounded, ∞ or 0")
  func numbersNotHeld() throws {
    let result = try ingest(
      """
      respondent_id,age,oop_cost
      R1,9007199254740992,1.5
      R2,9007199254740993,1e-400
      R3,1e308,1e400
      R4,1.5e1,nan
      R5,0x1p3,inf
      R6,+30,0.1000000000000000055511151231257827

      """)
    let age = result.column("age")
    #expect(age.state == [.present, .invalid, .invalid, .present, .invalid, .present])
    #expect(age.numbers?[0] == 9_007_199_254_740_992)
    #expect(age.numbers?[3] == 15)
    #expect(age.numbers?[5] == 30)
    #expect(age.raw == [1: "9007199254740993", 2: "1e308", 4: "0x1p3"])
    let cost = result.column("oop_cost")
    #expect(cost.state == [.present, .invalid, .invalid, .invalid, .invalid, .present])
    #expect(cost.raw == [1: "1e-400", 2: "1e400", 3: "nan", 4: "inf"])
    #expect(cost.numbers?[5] == 0.1)
    #expect(age.formatted(row: 0) == "9007199254740992")
  }

  @Test("a column of mostly numbers found in the data follows the same rule")
  func discoveredNumbers() throws {
    let folder = try TemporaryDirectory("ingest")
    let path = try folder.write("d.csv", "y\n1\n2\nnan\ninf\n1e400\n0x10\n3\n4\n5\n6\n7\n")
    let schema = IngestSchema(
      fields: [IngestField(name: "y", type: .categorical, discoversLevels: true, numericIfPossible: true)],
      reportsUnknownColumns: false)
    let result = try Ingest.read([BatchSource(path: path, name: "d.csv", read: ReadOptions())], schema: schema)
    let y = try #require(result.table.column("y"))
    #expect(y.type == .decimal)
    #expect(y.state.map { $0 == .invalid } == [false, false, true, true, true, true, false, false, false, false, false])
    #expect(y.raw == [2: "nan", 3: "inf", 4: "1e400", 5: "0x10"])
  }
}

@Suite("Ingest: levels found in the data")
struct DiscoveredLevelsTests {
  func index(_ levels: inout DiscoveredLevels, _ text: String) -> Int32 {
    Array(text.utf8).withUnsafeBufferPointer { levels.index(of: $0) }
  }

  @Test("codes of one to eight ASCII bytes and longer or accented ones each get one level, in order of first appearance")
  func levelsByFirstAppearance() {
    var levels = DiscoveredLevels()
    let texts = ["1", "11", "1", "11000001", "11000002", "110000011", "Chișinău", "M", "11000001", "Chișinău", "1\u{7}"]
    let found = texts.map { index(&levels, $0) }
    #expect(found == [0, 1, 0, 2, 3, 4, 5, 6, 2, 5, 7])
    #expect(levels.levels == ["1", "11", "11000001", "11000002", "110000011", "Chișinău", "M", "1\u{7}"])
  }

  @Test("canonically equivalent spellings are one level, as Swift strings compare them")
  func canonicalEquivalence() {
    var levels = DiscoveredLevels()
    // é composed and decomposed; the Kelvin sign and K; the Greek question mark and ';'.
    #expect(index(&levels, "caf\u{E9}") == index(&levels, "cafe\u{301}"))
    #expect(index(&levels, "\u{212A}") == index(&levels, "K"))
    #expect(index(&levels, "A;") == index(&levels, "A\u{37E}"))
    #expect(levels.levels == ["caf\u{E9}", "\u{212A}", "A;"])
  }

  @Test("a thousand distinct codes survive the table's growth")
  func growth() {
    var levels = DiscoveredLevels()
    for k in 0..<1000 { #expect(index(&levels, "P\(k)") == Int32(k)) }
    for k in stride(from: 999, through: 0, by: -7) { #expect(index(&levels, "P\(k)") == Int32(k)) }
    #expect(levels.levels.count == 1000)
  }
}
