import Foundation
import _SurveyTestSupport

/// The bundled health-workforce example run into a temporary folder: the registry (a census) and
/// the intention survey calibrated to its counts (`pipelines/moldova-health-workforce.yml`).
struct HealthWorkforceRun {
  let folder: TemporaryDirectory
  let output: ProcessOutput

  init() throws {
    folder = try TemporaryDirectory("health-workforce")
    output = try SurveyPipeBinary.run(
      ["run", Fixtures.repoPath("pipelines/moldova-health-workforce.yml"), "--out", folder.path + "/out"])
  }

  /// `out/PART/relative`.
  func path(_ part: String, _ relative: String) -> String { folder.path + "/out/\(part)/\(relative)" }

  /// The rows of table `name` of `part`.
  func table(_ part: String, _ name: String) throws -> [[String: String]] {
    Fixtures.simpleCSV(try String(contentsOfFile: path(part, "tables/\(name).csv"), encoding: .utf8))
  }

  /// The estimate of the row of table `name` whose cells match `cells`.
  func estimate(_ part: String, _ name: String, _ cells: [String: String]) throws -> Double? {
    let rows = try table(part, name).filter { row in cells.allSatisfy { row[$0.key] == $0.value } }
    guard rows.count == 1 else { return nil }
    return Double(rows[0]["estimate"] ?? "")
  }
}

/// The registry extract read straight from `fixtures/health-workforce/registry.csv` and cleaned
/// by hand as `expected-findings.csv` says the pipeline cleans it: the repeated record (line 137)
/// dropped, the profession 2211 (line 123) and the birth year 1895 (line 129) made missing.
struct HandRegistry {
  struct Row {
    var year: Int
    var isco: String?
    var sex: String
    var birthYear: Int?
    var countryBirth: String
    var countryTraining: String
    var region: String
    var ownership: String
    var activity: Int
    var exitReason: Int
    var certificate: Bool
  }

  let rows: [Row]
  /// Population by region and year, from `population.csv`.
  let population: [String: Double]

  init() throws {
    var seen = Set<String>()
    var rows: [Row] = []
    for raw in Fixtures.simpleCSV(try Fixtures.text("health-workforce/registry.csv")) {
      guard seen.insert(raw["record_id"]!).inserted else { continue }
      let isco = raw["isco"]!
      let birth = Int(raw["birth_year"]!)!
      rows.append(
        Row(
          year: Int(raw["year"]!)!, isco: isco == "2211" ? nil : isco, sex: raw["sex"]!,
          birthYear: birth < 1930 ? nil : birth, countryBirth: raw["country_birth"]!,
          countryTraining: raw["country_training"]!, region: raw["region"]!, ownership: raw["ownership"]!, activity: Int(raw["activity"]!)!,
          exitReason: Int(raw["exit_reason"]!)!, certificate: raw["cgs_requested"] == "1"))
    }
    self.rows = rows
    var population: [String: Double] = [:]
    for row in Fixtures.simpleCSV(try Fixtures.text("health-workforce/population.csv")) {
      population["\(row["region"]!)/\(row["year"]!)"] = Double(row["population"]!)!
    }
    self.population = population
  }

  /// Practising workers (activity status 1) of 2025.
  var stock2025: [Row] { rows.filter { $0.year == 2025 && $0.activity == 1 } }

  /// The population of 2025, of one region or of all five.
  func population2025(region: String? = nil) -> Double {
    (region.map { [$0] } ?? ["1", "2", "3", "4", "5"]).reduce(0) { $0 + population["\($1)/2025"]! }
  }

  static let professions = ["221", "2221", "3221", "2222", "3222", "2261", "2262"]
}
