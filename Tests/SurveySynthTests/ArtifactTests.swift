import Foundation
import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveySynth

@Suite("Synth: codebook, margins and pipeline")
struct ArtifactTests {
  @Test("The embedded codebook is the fixture, byte for byte")
  func embeddedCodebook() throws {
    let fixture = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("moldova/codebook.yml")))
    #expect(Data(MoldovaCodebook.yaml.utf8) == fixture)
  }

  @Test("The written pipeline and codebook load and agree")
  func pipelineLoads() throws {
    let survey = try WrittenSurvey(rows: 200)
    let codebook = try Codebook.load(path: survey.folder.url.appendingPathComponent("codebook.yml").path)
    let pipeline = try Pipeline.load(path: survey.folder.url.appendingPathComponent("pipeline.yml").path)
    try pipeline.check(against: codebook)
    #expect(pipeline.codebookPath.hasSuffix("codebook.yml"))
    #expect(FileManager.default.fileExists(atPath: pipeline.codebookPath))
    #expect(pipeline.inputs.map(\.pattern) == ["survey.csv"])
    #expect(pipeline.design?.weight == "design_weight")
    #expect(pipeline.design?.strata == "stratum")
    #expect(pipeline.design?.psu == ["psu"])
    #expect(pipeline.design?.fpc == ["fpc"])
    #expect(pipeline.design?.lonelyPSU == .adjust)
    #expect(pipeline.suppressBelow == 10)
    #expect(pipeline.clean.invalid == .setMissing)
    #expect(pipeline.clean.duplicates == .keepFirst)
    let names = pipeline.tables.map(\.name)
    for name in [
      "insured_abroad_by_status", "oop_cost_by_region", "unmet_need_by_region", "migrant_share", "chronic_by_sex",
      "oop_total_by_status",
    ] {
      #expect(names.contains(name))
    }
    #expect(pipeline.outputPath.hasSuffix("out"))
  }

  @Test("margins.csv lists sex, region and age_group totals of the population")
  func marginsFile() throws {
    let survey = try WrittenSurvey(rows: 300)
    let rows = Fixtures.simpleCSV(try survey.folder.read(SyntheticSurvey.marginsFile))
    #expect(rows.map { $0["variable"]! } == ["sex", "sex"] + Array(repeating: "region", count: 5) + Array(repeating: "age_group", count: 4))
    #expect(rows.map { $0["level"]! } == ["1", "2", "1", "2", "3", "4", "5", "1", "2", "3", "4"])
    for variable in ["sex", "region", "age_group"] {
      let total = rows.filter { $0["variable"] == variable }.reduce(0) { $0 + Int($1["total"]!)! }
      #expect(total == survey.summary.populationTotal)
    }
  }

  @Test("The weighted sample resembles the margins and the survey's story")
  func distributions() throws {
    let survey = try WrittenSurvey(rows: 20_000, seed: 4)
    let column = Dictionary(uniqueKeysWithValues: survey.header.enumerated().map { ($1, $0) })
    func share(_ name: String, _ level: String, among rows: [[String]]) -> Double {
      let w = column["design_weight"]!, c = column[name]!
      let total = rows.reduce(0.0) { $0 + Double($1[w])! }
      return rows.filter { $0[c] == level }.reduce(0.0) { $0 + Double($1[w])! } / total
    }
    let respondents = survey.rows.filter { $0[column["responded"]!] == "1" }
    let responseRate = Double(respondents.count) / Double(survey.rows.count)
    #expect(abs(responseRate - 0.88) < 0.02)
    #expect(abs(share("sex", "2", among: survey.rows) - 0.534) < 0.02)
    #expect(abs(share("migrant_status", "1", among: respondents) - 0.20) < 0.03)
    #expect(abs(share("migrant_status", "2", among: respondents) - 0.15) < 0.03)
    let gagauzMigrants = respondents.filter { $0[column["region"]!] == "5" && !$0[column["destination"]!].isEmpty }
    #expect(share("destination", "RU", among: gagauzMigrants) > 0.5)
    let migrants = respondents.filter { !$0[column["destination"]!].isEmpty }
    let irregular = migrants.filter { $0[column["irregular"]!] == "1" }
    let regular = migrants.filter { $0[column["irregular"]!] == "0" }
    #expect(share("insured_abroad", "1", among: irregular) < share("insured_abroad", "1", among: regular) - 0.2)
    let uninsured = respondents.filter { $0[column["insured_cnam"]!] == "0" }
    let insured = respondents.filter { $0[column["insured_cnam"]!] == "1" }
    #expect(share("unmet_need", "1", among: uninsured) > share("unmet_need", "1", among: insured) + 0.08)
    let dontKnow = respondents.filter { $0[column["chronic"]!] == "98" || $0[column["chronic"]!] == "99" }
    #expect(Double(dontKnow.count) / Double(respondents.count) < 0.02)
    #expect(dontKnow.count > 0)
  }
}
