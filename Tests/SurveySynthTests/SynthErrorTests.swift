import Foundation
import Testing
import _SurveyTestSupport

@testable import SurveySynth

@Suite("Synth: errors")
struct SynthErrorTests {
  @Test("Fewer than one row is refused", arguments: [0, -5])
  func rowCount(rows: Int) {
    #expect(throws: SynthError.invalidRowCount(rows)) { try SyntheticSurvey(rows: rows) }
    #expect(SynthError.invalidRowCount(rows).localizedDescription.contains("1 or more"))
  }

  @Test("A file where the folder should be is reported, and nothing is written")
  func folderIsAFile() throws {
    let folder = try TemporaryDirectory("synth-errors")
    let file = try folder.write("taken", "not a folder\n")
    let survey = try SyntheticSurvey(rows: 10)
    #expect(throws: SynthError.unwritableDirectory(path: file, reason: "it exists and is not a folder")) {
      try survey.write(to: file)
    }
    do {
      try survey.write(to: file + "/inside")
      Issue.record("writing under a file should fail")
    } catch let error as SynthError {
      guard case .unwritableDirectory(let path, _) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(path == file + "/inside")
      #expect(error.localizedDescription.hasPrefix(file + "/inside: cannot write the output folder"))
    }
    #expect(try folder.read("taken") == "not a folder\n")
  }

  @Test("An output file that cannot be created is reported by path")
  func unwritableFile() throws {
    let folder = try TemporaryDirectory("synth-errors")
    // A folder named like this process's temporary data file makes creating it impossible.
    try FileManager.default.createDirectory(
      at: folder.url.appendingPathComponent(".survey.csv.partial-\(getpid())"), withIntermediateDirectories: true)
    #expect(throws: SynthError.self) { try SyntheticSurvey(rows: 10).write(to: folder.path) }
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("codebook.yml").path))
  }

  @Test("An empty output path is refused")
  func emptyPath() throws {
    #expect(throws: SynthError.unwritableDirectory(path: "", reason: "the path is empty")) {
      try SyntheticSurvey(rows: 10).write(to: "")
    }
  }
}
