import Foundation
import Testing
import _SurveyTestSupport

@testable import SurveySynth

@Suite("Synth: the health workforce (registry and intention survey)")
struct HealthWorkforceSynthTests {
  static let files = [
    SyntheticHealthWorkforce.registryFile, SyntheticHealthWorkforce.surveyFile, SyntheticHealthWorkforce.populationFile,
    SyntheticHealthWorkforce.marginsFile, SyntheticHealthWorkforce.pipelineFile,
  ]

  @Test("the same workers and seed give byte-identical files; another seed other data")
  func deterministic() throws {
    let first = try TemporaryDirectory("hw1")
    let second = try TemporaryDirectory("hw2")
    let third = try TemporaryDirectory("hw3")
    _ = try SyntheticHealthWorkforce(workers: 400, seed: 5).write(to: first.path)
    _ = try SyntheticHealthWorkforce(workers: 400, seed: 5).write(to: second.path)
    _ = try SyntheticHealthWorkforce(workers: 400, seed: 6).write(to: third.path)
    for name in Self.files { #expect(try first.read(name) == second.read(name), "\(name)") }
    #expect(try first.read(SyntheticHealthWorkforce.registryFile) != third.read(SyntheticHealthWorkforce.registryFile))
    #expect(throws: SynthError.self) { try SyntheticHealthWorkforce(workers: 0) }
  }

  @Test("each worker's years follow on from the first; an exit ends them, on the row of its year")
  func registryRows() {
    let workers = (1...2000).map { HealthWorker(id: $0, seed: 9) }
    for worker in workers {
      #expect(worker.years.map(\.year) == Array(worker.firstYear...(worker.years.last!.year)))
      #expect(worker.years.dropLast().allSatisfy { $0.exit == nil })
      if worker.years.last!.exit == nil { #expect(worker.years.last!.year == 2025) }
      #expect(HealthWorker.professions.contains { $0.isco == worker.isco } && (1...5).contains(worker.region))
    }
    // Shares near the model's: doctors 30%, nursing associates 38% (±3 points on 2,000 workers).
    let doctors = Double(workers.filter { $0.isco == 221 }.count) / 2000
    #expect(abs(doctors - 0.30) < 0.03)
    let emigrated = workers.filter { $0.years.last?.exit == 3 }.count
    #expect(emigrated > 0)
  }

  @Test("the survey: strata of profession × region, weight N/n, fpc N, a respondent in every stratum; margins = frame counts")
  func survey() {
    let workers = (1...1500).map { HealthWorker(id: $0, seed: 3) }
    let frame = workers.filter(\.isSurveyed)
    let survey = IntentionSurvey(frame: frame, fraction: 0.25, seed: 3)
    var sizes: [Int: Int] = [:]
    for worker in frame { sizes[IntentionSurvey.stratum(worker), default: 0] += 1 }
    #expect(Set(survey.respondents.map { IntentionSurvey.stratum($0.worker) }) == Set(sizes.keys))
    for entry in survey.respondents {
      let size = sizes[IntentionSurvey.stratum(entry.worker)]!
      #expect(entry.population == size && entry.selected == (size < 2 ? size : min(size, max(2, Int((0.25 * Double(size)).rounded())))))
    }
    let margins = Fixtures.simpleCSV(survey.marginsCSV)
    let doctors = margins.first { $0["variable"] == "isco" && $0["level"] == "221" }
    #expect(doctors?["total"] == String(frame.filter { $0.isco == 221 }.count))
    #expect(margins.filter { $0["variable"] == "sex" }.reduce(0) { $0 + Int($1["total"]!)! } == frame.count)
  }

  @Test("population.csv: five regions × three years, scaled to the registry, one source")
  func population() {
    let rows = Fixtures.simpleCSV(PopulationFigures.csv(workers: 40_000))
    #expect(rows.count == 15)
    #expect(rows.first?["population"] == "765000" && rows.first?["year"] == "2023")
    #expect(rows.first { $0["region"] == "1" && $0["year"] == "2025" }?["population"] == "750000")
    #expect(Set(rows.map { $0["source"]! }) == [PopulationFigures.source])
  }
}
