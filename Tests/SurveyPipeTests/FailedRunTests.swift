import Foundation
import Testing
import _SurveyTestSupport

/// A run whose design or estimation fails late keeps what it found (issue 7, item 2).
@Suite("survey-pipe run: a table or the weighting fails", .serialized)
struct FailedRunTests {
  /// Stratum B has a single PSU; `y` is blank there, so only the table of `x` needs B's variance.
  static func survey(weights: String = "20,20") throws -> TemporaryDirectory {
    let folder = try TemporaryDirectory("failed-run")
    try folder.write(
      "c.yml",
      """
      survey: lonely
      id: id
      variables:
        - {name: id, type: text, required: true, unique: true}
        - {name: phone, type: text, pii: true}
        - {name: stratum, type: categorical, codes: {A: A, B: B}, required: true}
        - {name: psu, type: integer, required: true}
        - {name: w, type: decimal, required: true}
        - {name: x, type: decimal}
        - {name: y, type: integer, range: [0, 10]}

      """)
    let w = weights.split(separator: ",")
    try folder.write(
      "data.csv",
      """
      id,phone,stratum,psu,w,x,y
      r1,+37360000001,A,1,10,1.5,2
      r2,+37360000002,A,1,10,2.5,3
      r3,+37360000003,A,2,10,3.5,4
      r4,+37360000004,A,2,10,4.5,55
      r5,+37360000005,B,3,\(w[0]),5.5,
      r6,+37360000006,B,3,\(w[1]),6.5,

      """)
    try folder.write(
      "p.yml",
      """
      name: lonely
      codebook: c.yml
      inputs: [data.csv]
      design: {weight: w, strata: stratum, psu: [psu], lonely_psu: fail}
      tables:
        - {name: mean_x, mean: x}
        - {name: mean_y, mean: y}
      output: out/lonely

      """)
    return folder
  }

  @Test("a lonely PSU fails its table alone: exit 1, a table-failed finding, the other table and every log written")
  func lonelyPSU() throws {
    let folder = try Self.survey()
    // A previous, successful run folder is replaced by the failed run's.
    try folder.write("p-ok.yml", try folder.read("p.yml").replacingOccurrences(of: "lonely_psu: fail", with: "lonely_psu: adjust"))
    #expect(try SurveyPipeBinary.run(["run", "p-ok.yml", "--quiet"], in: folder.path).status == 0)
    #expect(FileManager.default.fileExists(atPath: folder.path + "/out/lonely/tables/mean_x.csv"))

    let result = try SurveyPipeBinary.run(["run", "p.yml", "--quiet"], in: folder.path)
    #expect(result.status == 1)
    #expect(result.stderr.contains("p.yml:6: tables: mean_x: stratum 'B' of 'stratum' has only one PSU"), "\(result.stderr)")
    #expect(result.stderr.contains("the run failed"))
    #expect(result.stdout.contains("tables: mean_y"))
    let out = folder.url.appendingPathComponent("out/lonely")
    let files = try RunTests.files(in: out)
    #expect(
      files == [
        "cleaning-log.csv", "run.json", "tables.html", "tables.json", "tables.md", "tables/mean_y.csv", "tidy/datapackage.json", "tidy/survey.csv",
        "validation.csv", "validation.html", "validation.jsonl", "weights.json",
      ])
    let validation = try folder.read("out/lonely/validation.csv")
    #expect(validation.contains("error,range,y,r4,data.csv,5,55,"))
    #expect(validation.contains(",error,table-failed,x,,p.yml,6,,\"tables: mean_x: stratum 'B' of 'stratum' has only one PSU"))
    #expect(try folder.read("out/lonely/cleaning-log.csv").contains("r4,y,55,,range"))
    #expect(!(try folder.read("out/lonely/tables.md")).contains("mean_x"))
    let run = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as! [String: Any]
    #expect(run["status"] as? String == "failed")
    let failures = try #require(run["failures"] as? [[String: Any]])
    #expect(failures.count == 1)
    #expect(failures.first?["rule"] as? String == "table-failed")
    #expect(failures.first?["table"] as? String == "mean_x")
    #expect(failures.first?["line"] as? Int == 6)
    for file in files {
      #expect(!(try Data(contentsOf: out.appendingPathComponent(file))).contains(Array("+3736".utf8)), "\(file) holds a phone number")
    }
  }

  @Test("a weighting that fails is a weighting-failed finding: logs and tidy data written, no table, exit 1")
  func weightingFails() throws {
    let folder = try Self.survey(weights: "20,-20")
    let result = try SurveyPipeBinary.run(["run", "p.yml", "--quiet"], in: folder.path)
    #expect(result.status == 1)
    #expect(result.stderr.contains("p.yml:4: design: data.csv:7 (record r6): the weight in 'w'"), "\(result.stderr)")
    let out = folder.url.appendingPathComponent("out/lonely")
    #expect(
      try RunTests.files(in: out) == [
        "cleaning-log.csv", "run.json", "tidy/datapackage.json", "tidy/survey.csv", "validation.csv", "validation.html",
        "validation.jsonl",
      ])
    #expect(try folder.read("out/lonely/validation.csv").contains(",error,weighting-failed,,,p.yml,4,,\"design: data.csv:7"))
    #expect(try folder.read("out/lonely/tidy/survey.csv").hasPrefix("id,stratum,psu,w,x,y\n"))
    let run = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as! [String: Any]
    #expect(run["status"] as? String == "failed")
    #expect((run["failures"] as? [[String: Any]])?.first?["rule"] as? String == "weighting-failed")
  }

  @Test("the failure is the same when the stages run one by one")
  func stagesAlone() throws {
    let folder = try Self.survey()
    var last: ProcessOutput?
    for stage in StageCommandTests.stages {
      last = try SurveyPipeBinary.run([stage, "p.yml", "--quiet"], in: folder.path)
      if stage != "tabulate" { #expect(last?.status == 0, "\(stage): \(last?.stderr ?? "")") }
    }
    #expect(last?.status == 1)
    #expect(last?.stderr.contains("tables: mean_x: stratum 'B'") == true)
    #expect(FileManager.default.fileExists(atPath: folder.path + "/out/lonely/tables/mean_y.csv"))
  }
}
