import Foundation
import Testing
import _SurveyTestSupport

@Suite("Synth: the survey-pipe synth command")
struct SynthCommandTests {
  @Test("Writes the four files and a summary line")
  func writes() throws {
    let folder = try TemporaryDirectory("synth-command")
    let out = folder.url.appendingPathComponent("made/here").path
    let result = try SurveyPipeBinary.run(["synth", "--rows", "120", "--seed", "3", "--out", out])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("wrote 120 rows"))
    #expect(result.stderr.contains(out + "/survey.csv"))
    for name in ["survey.csv", "codebook.yml", "margins.csv", "pipeline.yml"] {
      #expect(FileManager.default.fileExists(atPath: out + "/" + name))
    }
  }

  @Test("Failures exit 1 with the reason; usage errors exit 2")
  func failures() throws {
    let folder = try TemporaryDirectory("synth-command")
    let file = try folder.write("file", "x")
    let zero = try SurveyPipeBinary.run(["synth", "--rows", "0", "--out", folder.path])
    #expect(zero.status == 2)
    #expect(zero.stderr.contains("--rows must be 1 or more"))
    let blocked = try SurveyPipeBinary.run(["synth", "--rows", "5", "--out", file])
    #expect(blocked.status == 1)
    #expect(blocked.stderr.contains("\(file): cannot write the output folder: it exists and is not a folder"))
    let missing = try SurveyPipeBinary.run(["synth", "--rows", "5"])
    #expect(missing.status == 2)
    let notANumber = try SurveyPipeBinary.run(["synth", "--rows", "many", "--out", folder.path])
    #expect(notANumber.status == 2)
  }

  @Test("Help shows examples")
  func help() throws {
    let result = try SurveyPipeBinary.run(["synth", "--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Examples:"))
    #expect(result.stdout.contains("survey-pipe synth --rows 5000 --out /tmp/synth"))
  }
}
