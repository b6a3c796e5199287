import SurveyCore
import Testing

@Suite("Population files for rates")
struct PopulationTableTests {
  /// region × sex × year: North 100 + 110 (2025), South 50 + 60 (2025), North 90 + 95 (2024).
  static func table() throws -> PopulationTable {
    let rows: [([String], Double)] = [
      (["N", "F", "2025"], 100), (["N", "M", "2025"], 110), (["S", "F", "2025"], 50), (["S", "M", "2025"], 60),
      (["N", "F", "2024"], 90), (["N", "M", "2024"], 95),
    ]
    return try PopulationTable(
      file: "pop.csv", keyColumns: ["region", "sex", "year"],
      rows: rows.enumerated().map { .init(keys: $1.0, population: $1.1, source: $0 < 4 ? "census 2024" : "estimate", line: $0 + 2) })
  }

  @Test("a domain takes the rows matching its by-variables; other keys are added up, year never")
  func matches() throws {
    let table = try Self.table()
    // By region for 2025: North 100 + 110 = 210, South 50 + 60 = 110.
    let byRegion = try table.matches(by: ["region"], levels: [["N"], ["S"]], year: "2025")
    #expect(byRegion.map(\.population) == [210, 110])
    #expect(byRegion[0].rows.map(\.line) == [2, 3])
    // By region and year: North 2024 = 90 + 95.
    #expect(try table.matches(by: ["year", "region"], levels: [["2024", "N"]], year: nil).map(\.population) == [185])
    // By a variable the file does not have (profession): the whole 2025 population, 320.
    #expect(try table.matches(by: ["isco"], levels: [["221"], ["2221"]], year: "2025").map(\.population) == [320, 320])
    #expect(table.years == ["2024", "2025"])
    #expect(table.sources(of: table.rows) == ["census 2024", "estimate"])
  }

  @Test("several years and none chosen, a year not in the file, a domain with no row: refused with the reason")
  func refusals() throws {
    let table = try Self.table()
    for (by, levels, year, message) in [
      (["region"], [["N"]], nil as String?, "rows for 2 years (2024, 2025): give the rate's year, or tabulate by year"),
      (["region"], [["N"]], "2023", "no rows for year 2023 (the file has 2024, 2025)"),
      (["region", "year"], [["S", "2024"]], nil, "pop.csv: population: no row for region=S, year=2024"),
    ] {
      #expect {
        _ = try table.matches(by: by, levels: levels, year: year)
      } throws: { error in
        (error as? CoreError)?.localizedDescription.contains(message) == true
      }
    }
  }

  @Test("a population of 0 or below, or a repeated combination of keys: refused naming the line")
  func badRows() {
    #expect {
      _ = try PopulationTable(file: "p.csv", keyColumns: ["region"], rows: [.init(keys: ["N"], population: 0, line: 2)])
    } throws: { error in
      (error as? CoreError)?.localizedDescription.contains("p.csv:2") == true
    }
    #expect {
      _ = try PopulationTable(
        file: "p.csv", keyColumns: ["region"],
        rows: [.init(keys: ["N"], population: 5, line: 2), .init(keys: ["N"], population: 6, line: 3)])
    } throws: { error in
      (error as? CoreError)?.localizedDescription.contains("the same keys as line 2") == true
    }
  }
}
