import Foundation
import Testing
import _SurveyTestSupport

/// End-to-end runs of the built binary on the bundled example.
@Suite("survey-pipe run: the Moldova example", .serialized)
struct RunTests {
  static let pipeline = Fixtures.repoPath("pipelines/moldova-migrant-health.yml")

  /// Every file of `folder`, relative paths sorted.
  static func files(in folder: URL) throws -> [String] {
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
    var paths: [String] = []
    for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
      paths.append(String(url.path.dropFirst(folder.path.count + 1)))
    }
    return paths.sorted()
  }

  @Test("the run folder equals the golden files byte for byte (all but run.json)")
  func golden() throws {
    let folder = try TemporaryDirectory("run")
    let out = folder.url.appendingPathComponent("out")
    let result = try SurveyPipeBinary.run(["run", Self.pipeline, "--out", out.path])
    #expect(result.status == 0, "\(result.stderr)")
    let golden = URL(fileURLWithPath: Fixtures.path("moldova/golden"))
    let produced = try Self.files(in: out)
    #expect(produced == (try Self.files(in: golden) + ["run.json"]).sorted())
    for file in try Self.files(in: golden) {
      let a = try Data(contentsOf: out.appendingPathComponent(file))
      let b = try Data(contentsOf: golden.appendingPathComponent(file))
      #expect(a == b, "\(file) differs from fixtures/moldova/golden/\(file)")
    }
  }

  @Test("validation.csv holds exactly the findings of expected-findings.csv")
  func plantedFindings() throws {
    let folder = try TemporaryDirectory("run")
    let out = folder.url.appendingPathComponent("out")
    _ = try SurveyPipeBinary.run(["run", Self.pipeline, "--out", out.path, "--quiet"])
    let columns = ["batch", "line", "record_id", "variable", "rule", "severity"]
    func keys(_ rows: [[String: String]]) -> [String] {
      rows.map { row in columns.map { row[$0] ?? "" }.joined(separator: "|") }.sorted()
    }
    let found = Fixtures.simpleCSV(try String(contentsOf: out.appendingPathComponent("validation.csv"), encoding: .utf8))
    let expected = Fixtures.simpleCSV(try Fixtures.text("moldova/expected-findings.csv"))
    #expect(expected.count == 15)
    #expect(keys(found) == keys(expected))
  }

  @Test("records are conserved, personal data stays out, the summary is printed")
  func conservationAndPrivacy() throws {
    let folder = try TemporaryDirectory("run")
    let out = folder.url.appendingPathComponent("out")
    let result = try SurveyPipeBinary.run(["run", Self.pipeline, "--out", out.path])
    #expect(result.stdout.contains("61 records read, 57 kept, 4 dropped"))
    #expect(result.stderr.contains("ingest"))
    #expect(result.stderr.contains("tabulate"))
    let run = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as! [String: Any]
    let records = run["records"] as! [String: Any]
    #expect(records["raw"] as? Int == 61)
    #expect(records["tidy"] as? Int == 57)
    #expect(records["dropped"] as? Int == 4)
    let inputs = run["inputs"] as! [[String: Any]]
    #expect(inputs.map { $0["rows"] as? Int } == [24, 12, 25])
    #expect(inputs.map { $0["encoding"] as? String } == ["utf-8", "windows-1251", "utf-8"])
    #expect((inputs[0]["sha256"] as? String)?.count == 64)
    let tidy = try String(contentsOf: out.appendingPathComponent("tidy/survey.csv"), encoding: .utf8)
    #expect(tidy.split(separator: "\n").count == 1 + 57)
    let log = try String(contentsOf: out.appendingPathComponent("cleaning-log.csv"), encoding: .utf8)
    let drops = log.split(separator: "\n").filter {
      $0.contains(",duplicate-id,") || $0.contains(",ragged-row,") || $0.contains(",quoted-line-break,") || $0.contains(",,decision,")
        || $0.contains("MD-S-0011,age,16,,decision")
    }
    #expect(drops.count == 4)
    // No phone number (pii) in any output.
    for file in try Self.files(in: out) {
      let text = String(decoding: try Data(contentsOf: out.appendingPathComponent(file)), as: UTF8.self)
      #expect(!text.contains("+373"), "\(file) contains a phone number")
    }
  }

  @Test("--fail-on error exits 3 and still writes the run folder; --fail-on is usage-checked")
  func failGate() throws {
    let folder = try TemporaryDirectory("run")
    let out = folder.url.appendingPathComponent("out")
    let result = try SurveyPipeBinary.run(["run", Self.pipeline, "--out", out.path, "--fail-on", "error", "--quiet"])
    #expect(result.status == 3)
    #expect(result.stderr.contains("--fail-on error: 7 unsettled findings at that level"))
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("validation.csv").path))
    let usage = try SurveyPipeBinary.run(["run", Self.pipeline, "--fail-on", "sometimes"])
    #expect(usage.status == 2)
  }

  @Test("a failed run leaves the previous run folder whole")
  func failedRunKeepsOutputs() throws {
    let folder = try TemporaryDirectory("run")
    let out = folder.url.appendingPathComponent("out")
    _ = try SurveyPipeBinary.run(["run", Self.pipeline, "--out", out.path, "--quiet"])
    let before = try Data(contentsOf: out.appendingPathComponent("validation.csv"))
    let broken = try folder.write(
      "broken.yml",
      """
      name: broken
      codebook: \(Fixtures.path("moldova/codebook.yml"))
      inputs: [\(folder.path)/missing-*.csv]
      output: \(out.path)
      """)
    let result = try SurveyPipeBinary.run(["run", broken, "--quiet"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("broken.yml:3: inputs: no file matches"))
    #expect(try Data(contentsOf: out.appendingPathComponent("validation.csv")) == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".out") }
    #expect(leftovers.isEmpty)
  }

  @Test("a run never replaces a folder or file it did not make")
  func foreignOutputs() throws {
    let result = try SurveyPipeBinary.run(["run", Self.pipeline, "--out", Fixtures.path("moldova"), "--quiet"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("is not a survey-pipe run folder (it has no run.json)"))
    #expect(FileManager.default.fileExists(atPath: Fixtures.path("moldova/codebook.yml")))
    let folder = try TemporaryDirectory("run")
    try folder.write("precious/thesis.docx", "chapter 1")
    let file = try folder.write("notes.txt", "keep me")
    #expect(try SurveyPipeBinary.run(["run", Self.pipeline, "--out", folder.url.appendingPathComponent("precious").path]).status == 1)
    #expect(try folder.read("precious/thesis.docx") == "chapter 1")
    #expect(try SurveyPipeBinary.run(["run", Self.pipeline, "--out", file]).status == 1)
    #expect(try folder.read("notes.txt") == "keep me")
  }

  @Test("an earlier run folder that holds an input is refused")
  func outputHoldingInputs() throws {
    let folder = try TemporaryDirectory("run")
    try folder.write("out/run.json", "{}")
    let batch = try folder.write("out/b.csv", "respondent_id\nR1\n")
    let pipeline = try folder.write(
      "p.yml", "name: p\ncodebook: \(Fixtures.path("moldova/codebook.yml"))\ninputs: [\(batch)]\noutput: out\n")
    let result = try SurveyPipeBinary.run(["run", pipeline, "--quiet"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("holds the input"))
    #expect(try folder.read("out/b.csv") == "respondent_id\nR1\n")
  }
}
