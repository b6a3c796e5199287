import Foundation
import Testing
import _SurveyTestSupport

/// The health-workforce example end to end: the combined pipeline's two parts, what they print,
/// their findings and what each table says it measures.
@Suite("health workforce: the example end to end")
struct HealthWorkforceRunTests {
  @Test("run of the parts file: both parts in order, each its own run folder, exit 0")
  func parts() throws {
    let run = try HealthWorkforceRun()
    #expect(run.output.status == 0, "\(run.output.stderr)")
    let registry = try #require(run.output.stdout.range(of: "registry: 2185 records read, 2184 kept, 1 dropped"))
    let survey = try #require(run.output.stdout.range(of: "intentions: 138 records read, 138 kept, 0 dropped"))
    #expect(registry.lowerBound < survey.lowerBound)
    #expect(run.output.stderr.contains("moldova-health-workforce: part 1 of 2"))
    #expect(run.output.stderr.contains("weight    a census: every unit of the population is a row with weight 1"))
    for part in ["registry", "intentions"] {
      for file in ["run.json", "tables.md", "tables.html", "tables.json", "validation.csv", "tidy/survey.csv"] {
        #expect(FileManager.default.fileExists(atPath: run.path(part, file)), "\(part)/\(file)")
      }
    }
  }

  @Test("the registry's findings are exactly expected-findings.csv (the planted problems)")
  func findings() throws {
    let run = try HealthWorkforceRun()
    let found = Fixtures.simpleCSV(try String(contentsOfFile: run.path("registry", "validation.csv"), encoding: .utf8))
    let key = { (row: [String: String]) in [row["line"]!, row["record_id"]!, row["variable"]!, row["rule"]!, row["severity"]!].joined(separator: "|") }
    let expected = Fixtures.simpleCSV(try Fixtures.text("health-workforce/expected-findings.csv"))
    #expect(found.map(key).sorted() == expected.map(key).sorted())
    let survey = Fixtures.simpleCSV(try String(contentsOfFile: run.path("intentions", "validation.csv"), encoding: .utf8))
    #expect(survey.isEmpty)
  }

  @Test("tables.json names each table's indicator, what it counts, the census and the population's source and year")
  func metadata() throws {
    let run = try HealthWorkforceRun()
    let data = try Data(contentsOf: URL(fileURLWithPath: run.path("registry", "tables.json")))
    let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let tables = try #require(document["tables"] as? [[String: Any]])
    #expect(tables.count == 15)
    for table in tables {
      let indicator = try #require(table["indicator"] as? [String: Any], "\(table["name"] ?? "")")
      #expect((indicator["code"] as? String)?.isEmpty == false && (indicator["counts"] as? String)?.isEmpty == false)
      #expect(table["design"] as? String == "census" && table["sampling_error"] as? String == "none: a census")
    }
    let density = try #require(tables.first { $0["name"] as? String == "density_by_region" })
    #expect((density["indicator"] as? [String: Any])?["code"] as? String == "NHWA 1-03")
    let rate = try #require(density["rate"] as? [String: Any])
    #expect(rate["per"] as? Double == 10000 && rate["numerator"] as? String == "practising")
    let population = try #require(rate["population"] as? [String: Any])
    #expect(population["file"] as? String == "population.csv" && population["years"] as? [String] == ["2025"])
    #expect((population["sources"] as? [String])?.first?.hasPrefix("Fictional population on 1 January") == true)
    #expect((population["sha256"] as? String)?.count == 64)
    // Chișinău's row is the one line of the file for region 1 in 2025: 15,000 people.
    let rows = try #require(population["by_row"] as? [[String: Any]])
    #expect(rows.count == 5 && rows.first?["population"] as? Double == 15000)
    let survey = try Data(contentsOf: URL(fileURLWithPath: run.path("intentions", "tables.json")))
    let surveyTables = try #require((try JSONSerialization.jsonObject(with: survey) as? [String: Any])?["tables"] as? [[String: Any]])
    #expect(surveyTables.allSatisfy { $0["design"] as? String == "sample" && $0["sampling_error"] as? String == "linearization" })
  }

  @Test("tables.md says under each title what the indicator is, what it counts and that a census has no sampling error")
  func markdown() throws {
    let run = try HealthWorkforceRun()
    let text = try String(contentsOfFile: run.path("registry", "tables.md"), encoding: .utf8)
    #expect(text.contains("## density_by_region: rate of practising per 10000 population by region"))
    #expect(text.contains("Indicator NHWA 1-03: Health worker density at subnational level."))
    #expect(text.contains("Counts: practising health workers (activity status 1) in the 2025 registry"))
    #expect(text.contains("Census (design: {census: true}): every unit is counted once"))
    #expect(text.contains("the population in population.csv, source: Fictional population on 1 January"))
    let survey = try String(contentsOfFile: run.path("intentions", "tables.md"), encoding: .utf8)
    #expect(!survey.contains("Census"))
    #expect(survey.contains("Indicator HW-INTENT-12M: Intention to emigrate within a year."))
  }

  @Test("the bundled parts are the templates synth writes, pointed at the fixtures")
  func bundledMatchSynth() throws {
    let folder = try TemporaryDirectory("hw-synth")
    let output = try SurveyPipeBinary.run(["synth", "--kind", "health-workforce", "--rows", "800", "--seed", "2026", "--out", folder.path])
    #expect(output.status == 0, "\(output.stderr)")
    // The fixture is synth's output with four planted problems (expected-findings.csv).
    for file in ["population.csv", "registry-margins.csv", "intention-survey.csv", "codebook-registry.yml", "codebook-survey.yml"] {
      let made = try String(contentsOfFile: folder.path + "/" + file, encoding: .utf8)
      #expect(made == (try Fixtures.text("health-workforce/\(file)")), "\(file)")
    }
    let made = try String(contentsOfFile: folder.path + "/registry.csv", encoding: .utf8).split(separator: "\n")
    // The bundled parts are synth's pipelines with the fixture folder and the outputs put in.
    let folderPath = "../fixtures/health-workforce/"
    let registry = try String(contentsOfFile: folder.path + "/pipeline-registry.yml", encoding: .utf8)
      .replacingOccurrences(of: "codebook: codebook-registry.yml", with: "codebook: \(folderPath)codebook-registry.yml")
      .replacingOccurrences(of: "inputs: [registry.csv]", with: "inputs: [\(folderPath)registry.csv]")
      .replacingOccurrences(of: "population: population.csv", with: "population: \(folderPath)population.csv")
      .replacingOccurrences(of: "output: out-registry", with: "output: ../out/moldova-health-workforce-registry")
    #expect(registry == (try String(contentsOfFile: Fixtures.repoPath("pipelines/moldova-health-workforce-registry.yml"), encoding: .utf8)))
    let survey = try String(contentsOfFile: folder.path + "/pipeline-survey.yml", encoding: .utf8)
      .replacingOccurrences(of: "codebook: codebook-survey.yml", with: "codebook: \(folderPath)codebook-survey.yml")
      .replacingOccurrences(of: "inputs: [intention-survey.csv]", with: "inputs: [\(folderPath)intention-survey.csv]")
      .replacingOccurrences(of: "margins: registry-margins.csv", with: "margins: \(folderPath)registry-margins.csv")
      .replacingOccurrences(of: "output: out-intentions", with: "output: ../out/moldova-health-workforce-intentions")
    #expect(survey == (try String(contentsOfFile: Fixtures.repoPath("pipelines/moldova-health-workforce-intentions.yml"), encoding: .utf8)))
    var fixture = try Fixtures.text("health-workforce/registry.csv").split(separator: "\n")
    // Line 137 repeats line 136; lines 120, 123 and 129 each have one cell changed.
    #expect(fixture.count == made.count + 1 && fixture[136] == fixture[135])
    fixture.remove(at: 136)
    let differing = zip(made, fixture).enumerated().filter { $0.element.0 != $0.element.1 }.map { $0.offset + 1 }
    #expect(differing == [120, 123, 129])
  }
}

@Suite("files with parts: check, run --only and the stage commands")
struct PartsCommandTests {
  @Test("check checks each part and says what it holds; a census design reads as such")
  func check() throws {
    let output = try SurveyPipeBinary.run(["check", Fixtures.repoPath("pipelines/moldova-health-workforce.yml")])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.contains("moldova-health-workforce.yml: 2 parts"))
    #expect(output.stdout.contains("moldova-health-workforce-registry.yml: ok"))
    #expect(output.stdout.contains("design: census (no sampling error)"))
    #expect(output.stdout.contains("moldova-health-workforce-intentions.yml: ok"))
    #expect(output.stdout.contains("weighting: calibrate linear (isco, region, sex)"))
  }

  @Test("run --only ingest runs that stage of each part; a stage command on the combined file says to take a part")
  func stages() throws {
    let folder = try TemporaryDirectory("parts-stages")
    let pipeline = Fixtures.repoPath("pipelines/moldova-health-workforce.yml")
    let only = try SurveyPipeBinary.run(["run", pipeline, "--only", "ingest", "--out", folder.path + "/out", "--quiet"])
    #expect(only.status == 0, "\(only.stderr)")
    #expect(only.stdout.contains("ingest: 2185 records") && only.stdout.contains("ingest: 138 records"), "\(only.stdout)")
    for part in ["registry", "intentions"] {
      #expect(FileManager.default.fileExists(atPath: folder.path + "/out/\(part).stages/ingest.artifact"))
    }
    let stage = try SurveyPipeBinary.run(["ingest", pipeline, "--out", folder.path + "/other"])
    #expect(stage.status == 1)
    #expect(stage.stderr.contains("moldova-health-workforce.yml:5: parts: this file combines the pipelines of its parts"), "\(stage.stderr)")
  }

  @Test("parts are not written into a single pipeline's run folder")
  func outputIsARunFolder() throws {
    let folder = try TemporaryDirectory("parts-output")
    try folder.write("out/run.json", "{}\n")
    let output = try SurveyPipeBinary.run(
      ["run", Fixtures.repoPath("pipelines/moldova-health-workforce.yml"), "--out", folder.path + "/out", "--quiet"])
    #expect(output.status == 1 && output.stderr.contains("the folder holds run.json"), "\(output.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/out/registry"))
  }

  @Test("a part whose table fails does not stop the next part; the exit code is 1")
  func failedPart() throws {
    let folder = try TemporaryDirectory("parts-failed")
    let registry = try String(contentsOfFile: Fixtures.repoPath("pipelines/moldova-health-workforce-registry.yml"), encoding: .utf8)
    let fixtures = Fixtures.path("health-workforce") + "/"
    // The population file loses Nord: the density tables fail, the other tables and the survey go on.
    let population = try Fixtures.text("health-workforce/population.csv").split(separator: "\n").filter { !$0.hasPrefix("2,") }
    try folder.write("population.csv", population.joined(separator: "\n") + "\n")
    try folder.write(
      "registry.yml",
      registry.replacingOccurrences(of: "../fixtures/health-workforce/population.csv", with: "population.csv")
        .replacingOccurrences(of: "../fixtures/health-workforce/", with: fixtures))
    let survey = try String(contentsOfFile: Fixtures.repoPath("pipelines/moldova-health-workforce-intentions.yml"), encoding: .utf8)
    try folder.write("survey.yml", survey.replacingOccurrences(of: "../fixtures/health-workforce/", with: fixtures))
    try folder.write("all.yml", "name: all\nparts: [registry.yml, survey.yml]\noutput: out\n")
    let output = try SurveyPipeBinary.run(["run", "all.yml", "--quiet"], in: folder.path)
    #expect(output.status == 1)
    #expect(output.stderr.contains("registry.yml:28: tables: density_by_region: population.csv: population: no row for region=2"), "\(output.stderr)")
    #expect(output.stdout.contains("intentions: 138 records read"))
    // The national densities fail too: Nord's workers would be counted over a population without Nord.
    #expect(output.stderr.contains("density_by_profession: the table counts rows with region 2, but the population it divides by is for region 1, 3, 4, 5"), "\(output.stderr)")
    #expect(FileManager.default.fileExists(atPath: folder.path + "/out/registry/tables/female_share.csv"))
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/out/registry/tables/density_by_region.csv"))
  }
}

@Suite("estimate --census")
struct EstimateCensusTests {
  @Test("counts and medians of the raw registry: exact, SE 0, no interval, df 0; refused with a weight or a test")
  func census() throws {
    let data = Fixtures.path("health-workforce/registry.csv")
    let output = try SurveyPipeBinary.run(
      ["estimate", data, "--census", "--categorical", "activity", "--total", "activity", "--by", "year", "--quantile", "birth_year@0.5"])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stderr.contains("a census: every unit of the population is a row with weight 1"))
    let rows = Fixtures.simpleCSV(output.stdout)
    let raw = Fixtures.simpleCSV(try Fixtures.text("health-workforce/registry.csv"))
    for year in ["2023", "2024", "2025"] {
      for activity in ["1", "2", "3"] {
        // By hand: the raw file's rows of that year and status (the repeated line 137 included:
        // estimate reads the file as it is, without cleaning).
        let count = raw.filter { $0["year"] == year && $0["activity"] == activity }.count
        let row = try #require(rows.first { $0["statistic"] == "total" && $0["year"] == year && $0["level"] == activity })
        #expect(row["estimate"] == String(count) && row["se"] == "0" && row["ci_low"] == "" && row["df"] == "0")
      }
      let births = raw.filter { $0["year"] == year }.compactMap { Int($0["birth_year"]!) }.sorted()
      let median = try #require(rows.first { $0["statistic"] == "quantile" && $0["year"] == year })
      #expect(median["estimate"] == String(births[(births.count + 1) / 2 - 1]) && median["se"] == "0")
    }
    let weighted = try SurveyPipeBinary.run(["estimate", data, "--census", "--weight", "activity", "--total", "activity"])
    #expect(weighted.status == 2 && weighted.stderr.contains("--census takes no --weight"))
    let test = try SurveyPipeBinary.run(["estimate", data, "--census", "--chisq", "sex:year"])
    #expect(test.status == 1 && test.stderr.contains("does not apply to a census"))
  }
}

@Suite("check: a rate's population file")
struct PopulationCheckTests {
  /// The registry part with its population file replaced by `population` (nil: none at all).
  /// The registry part in a folder of its own, with its population file replaced.
  func folder(population: String?, year: String) throws -> TemporaryDirectory {
    let folder = try TemporaryDirectory("population-check")
    let fixtures = Fixtures.path("health-workforce") + "/"
    let registry = try String(contentsOfFile: Fixtures.repoPath("pipelines/moldova-health-workforce-registry.yml"), encoding: .utf8)
      .replacingOccurrences(of: "../fixtures/health-workforce/population.csv", with: "population.csv")
      .replacingOccurrences(of: "../fixtures/health-workforce/", with: fixtures)
      .replacingOccurrences(of: "year: 2025}", with: "year: \(year)}")
    try folder.write("registry.yml", registry)
    if let population { try folder.write("population.csv", population) }
    return folder
  }

  func check(population: String?, year: String = "2025") throws -> ProcessOutput {
    // The folder is removed when its value goes: it is kept until the check has run.
    let folder = try folder(population: population, year: year)
    return try withExtendedLifetime(folder) { try SurveyPipeBinary.run(["check", "registry.yml"], in: folder.path) }
  }

  /// `density_by_region.csv` and `tables.json` of a run with `population`.
  func run(population: String) throws -> (density: String, metadata: String) {
    let folder = try folder(population: population, year: "2025")
    let output = try SurveyPipeBinary.run(["run", "registry.yml", "--out", "out", "--quiet"], in: folder.path)
    #expect(output.status == 0, "\(output.stderr)")
    return (try folder.read("out/tables/density_by_region.csv"), try folder.read("out/tables.json"))
  }

  @Test("a population file may name regions by their labels (Chișinău, Nord, …): read as the codes, the same densities")
  func labels() throws {
    let labels = ["1": "Chișinău", "2": "Nord", "3": "Centru", "4": "Sud", "5": "UTA Găgăuzia"]
    let lines = try Fixtures.text("health-workforce/population.csv").split(separator: "\n").map(String.init)
    let relabelled = [lines[0]] + lines.dropFirst().map { line in
      let cells = line.split(separator: ",", maxSplits: 1).map(String.init)
      return labels[cells[0]]! + "," + cells[1]
    }
    let run = try run(population: relabelled.joined(separator: "\n") + "\n")
    #expect(run.density == (try Fixtures.text("health-workforce/golden/registry/tables/density_by_region.csv")))
  }

  @Test("a file without years is the population of the rate's year: as metadata")
  func yearAsMetadata() throws {
    let run = try run(population: "region,population\n1,15000\n2,13200\n3,12800\n4,7600\n5,2600\n")
    #expect(run.density.contains("rate,practising,,1,174,0,"))
    #expect(run.metadata.contains("\"years\": [\"2025\"]"), "\(run.metadata)")
  }

  @Test("missing, without the year asked for, a bad population, a column or a row of no code, a combination twice: refused before any data is read")
  func refusals() throws {
    let missing = try check(population: nil)
    #expect(missing.status == 1 && missing.stderr.contains("registry.yml:23: tables.density_by_profession.rate.population: cannot read"), "\(missing.stderr)")
    let wrongYear = try check(population: try Fixtures.text("health-workforce/population.csv"), year: "2030")
    #expect(wrongYear.stderr.contains("tables.density_by_profession.rate.year: population.csv has no rows for year 2030 (it has 2023, 2024, 2025)"), "\(wrongYear.stderr)")
    let twice = try check(population: "region,year,population\n2,2025,5\nNord,2025,6\n")
    #expect(twice.stderr.contains("population.csv:3: region,year: the same keys as line 2"), "\(twice.stderr)")
    let bad = try check(population: "region,year,population\n1,2025,many\n")
    #expect(bad.status == 1 && bad.stderr.contains("population.csv:2: population: a population is a number above 0"), "\(bad.stderr)")
    let noColumn = try check(population: "region,year,people\n1,2025,5\n")
    #expect(noColumn.stderr.contains("a population file needs a 'population' column"), "\(noColumn.stderr)")
    let misnamed = try check(population: "Region,year,population\n1,2025,5\n")
    #expect(misnamed.stderr.contains("population.csv:1: Region: 'Region' is not a variable of the codebook"), "\(misnamed.stderr)")
    let total = try check(population: try Fixtures.text("health-workforce/population.csv") + "Total,2025,1000,all regions\n")
    #expect(total.stderr.contains("population.csv:17: region: 'Total' is not a code of region (1, 2, 3, 4, 5) nor one of its labels"), "\(total.stderr)")
    let fine = try check(population: try Fixtures.text("health-workforce/population.csv"))
    #expect(fine.status == 0, "\(fine.stderr)")
  }
}
