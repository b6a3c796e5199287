import Foundation
import Testing
import _SurveyTestSupport

@testable import SurveySynth

@Suite("Synth: deterministic output")
struct DeterminismTests {
  static let files = [
    SyntheticSurvey.surveyFile, SyntheticSurvey.codebookFile, SyntheticSurvey.marginsFile,
    SyntheticSurvey.pipelineFile, SyntheticSurvey.indicatorsPipelineFile,
  ]

  @Test("The same rows and seed give byte-identical files")
  func sameSeedSameBytes() throws {
    let first = try WrittenSurvey(rows: 3_000, seed: 11)
    let second = try WrittenSurvey(rows: 3_000, seed: 11)
    for name in Self.files {
      #expect(try first.bytes(name) == second.bytes(name), "\(name) differs")
    }
  }

  @Test("Another seed gives other data")
  func otherSeedOtherData() throws {
    let first = try WrittenSurvey(rows: 500, seed: 1)
    let second = try WrittenSurvey(rows: 500, seed: 2)
    #expect(try first.bytes(SyntheticSurvey.surveyFile) != second.bytes(SyntheticSurvey.surveyFile))
    #expect(first.header == second.header)
  }

  @Test("A smaller survey's rows begin the larger one's, apart from design_weight and fpc")
  func rowsDoNotDependOnSize() throws {
    let small = try WrittenSurvey(rows: 1_000, seed: 5)
    let large = try WrittenSurvey(rows: 2_500, seed: 5)
    let sizeDependent = Set(["design_weight", "fpc"].compactMap { small.header.firstIndex(of: $0) })
    #expect(sizeDependent.count == 2)
    var differing = 0
    for (a, b) in zip(small.rows, large.rows) {
      for index in a.indices where !sizeDependent.contains(index) && a[index] != b[index] { differing += 1 }
    }
    #expect(differing == 0)
  }

  @Test("Row count, summary and file names")
  func summary() throws {
    let survey = try WrittenSurvey(rows: 777, seed: 3)
    #expect(survey.rows.count == 777)
    #expect(survey.summary.rows == 777)
    #expect(survey.summary.bytes == (try survey.bytes(SyntheticSurvey.surveyFile).count))
    #expect(survey.summary.files == Self.files)
    #expect(survey.summary.psuCount == 39)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: survey.folder.path).filter {
      $0.contains(".partial")
    }
    #expect(leftovers.isEmpty)
  }

  @Test("Progress is reported every so many rows")
  func progress() throws {
    let folder = try TemporaryDirectory("synth-progress")
    let reports = Reports()
    try SyntheticSurvey(rows: 1_050, seed: 1).write(to: folder.path, progressEvery: 250) { reports.add($0.rows) }
    #expect(reports.rows == [250, 500, 750, 1_000])
  }

  @Test("Portable exp and log match the C library closely")
  func portableMath() {
    for x in stride(from: -30.0, through: 30.0, by: 0.37) {
      #expect(abs(PortableMath.exp(x) / Foundation.exp(x) - 1) < 1e-14)
    }
    for x in [1e-300, 1e-12, 0.001, 0.5, 0.9999, 1, 1.5, 2, 10, 123_456.789, 1e300] {
      #expect(abs(PortableMath.log(x) - Foundation.log(x)) <= 1e-14 * max(1, abs(Foundation.log(x))))
    }
    #expect(PortableMath.log(1) == 0)
    #expect(PortableMath.exp(0) == 1)
  }

  @Test("The row generator's random streams are fixed: a known first row for seed 1")
  func knownFirstRow() throws {
    let survey = try WrittenSurvey(rows: 400, seed: 1)
    #expect(
      survey.rows[0].joined(separator: ",")
        == "MD-0000001,+373 67185945,E01,27.05.2026,1,1,11,11000001,3000,12338.47,1,2,64,4,3,,,,,3,0,,,,1,0,0.00,pain,2,0")
  }
}

/// Collects progress reports (the callback is not `Sendable`-checked, but runs on one thread).
final class Reports: @unchecked Sendable {
  private(set) var rows: [Int] = []
  func add(_ row: Int) { rows.append(row) }
}
