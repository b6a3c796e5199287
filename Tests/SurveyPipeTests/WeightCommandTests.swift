import Foundation
import Testing
import _SurveyTestSupport

@Suite("weight and estimate: weighting on the command line")
struct WeightCommandTests {
  let synth = Fixtures.path("r-reference/synth.csv")
  let synthMargins = Fixtures.path("r-reference/synth-margins.csv")
  let design = ["--weight", "design_weight", "--strata", "stratum", "--psu", "psu", "--fpc", "fpc"]

  @Test("weight: every row and column in order plus the weight, a summary, the report")
  func weightFile() throws {
    let folder = try TemporaryDirectory("weight")
    let out = folder.url.appendingPathComponent("weighted.csv").path
    let report = folder.url.appendingPathComponent("weights.json").path
    let before = try Data(contentsOf: URL(fileURLWithPath: synth))
    let output = try SurveyPipeBinary.run(
      ["weight", synth] + design + [
        "--nonresponse", "responded", "--classes", "region,urban", "--rake", "sex,region,age_group", "--margins",
        synthMargins, "--out", out, "--report", report,
      ])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.isEmpty)
    #expect(output.stderr.contains("weight: 2000 rows (220 with weight 0), sum 2e+06"), "\(output.stderr)")
    #expect(output.stderr.contains("steps: design, nonresponse, rake; wrote \(out) and \(report)"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: synth)) == before, "the input was modified")
    let input = try String(contentsOfFile: synth, encoding: .utf8).split(separator: "\n")
    let written = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
    #expect(written.count == input.count)
    #expect(written[0] == input[0] + ",weight")
    for (a, b) in zip(input.dropFirst(), written.dropFirst()) { #expect(b.hasPrefix(a + ",")) }
    // Nonrespondents (responded = 0, the 8th column) have weight 0.
    for line in written.dropFirst() where line.split(separator: ",", omittingEmptySubsequences: false)[7] == "0" {
      #expect(line.hasSuffix(",0"))
    }
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as! [String: Any]
    let steps = (json["steps"] as! [[String: Any]]).map { $0["step"] as! String }
    #expect(steps == ["design", "nonresponse", "rake"])
    #expect(json["zero_weights"] as? Int == 220)
    for target in json["final_targets"] as! [[String: Any]] {
      #expect((target["relative_error"] as! Double) < 1e-6)
    }
  }

  @Test("weight keeps the input's dialect: semicolons, decimal commas, a byte-order mark, quotes")
  func dialect() throws {
    let folder = try TemporaryDirectory("weight")
    let data = try folder.write(
      "data.csv", bytes: Array("\u{FEFF}id;w;note\n1;1,5;\"a;b\"\n2;2,5;\"say \"\"hi\"\"\"\n".utf8))
    let out = folder.url.appendingPathComponent("out.csv").path
    let output = try SurveyPipeBinary.run(["weight", data, "--weight", "w", "--decimal", ",", "--out", out, "--name", "final"])
    #expect(output.status == 0, "\(output.stderr)")
    let written = try Data(contentsOf: URL(fileURLWithPath: out))
    #expect(written == Data("\u{FEFF}id;w;note;final\n1;1,5;\"a;b\";1,5\n2;2,5;\"say \"\"hi\"\"\";2,5\n".utf8))
  }

  @Test("weight refuses to overwrite its input, a column it would add twice, repeated headers")
  func refusals() throws {
    let folder = try TemporaryDirectory("weight")
    let data = try folder.write("data.csv", "id,w,weight\n1,2,3\n2,2,3\n")
    let same = try SurveyPipeBinary.run(["weight", data, "--weight", "w", "--out", data])
    #expect(same.status == 1)
    #expect(same.stderr.contains("this output would overwrite an input file"))
    #expect(try folder.read("data.csv") == "id,w,weight\n1,2,3\n2,2,3\n")
    let twice = try SurveyPipeBinary.run(["weight", data, "--weight", "w", "--out", folder.path + "/o.csv"])
    #expect(twice.status == 1)
    #expect(twice.stderr.contains("the data already has a column 'weight'; name the weight column with --name"))
    let repeated = try folder.write("repeated.csv", "id,w,W\n1,2,3\n2,2,3\n")
    let duplicate = try SurveyPipeBinary.run(["weight", repeated, "--weight", "w", "--out", folder.path + "/o.csv"])
    #expect(duplicate.status == 1)
    #expect(duplicate.stderr.contains("repeated.csv:1: the column 'W' appears more than once in the header"))
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/o.csv"))
  }

  @Test("usage mistakes in the calibration flags exit with status 2", arguments: [
    (["--rake", "sex"], "--rake needs --margins FILE"),
    (["--classes", "region"], "--classes and --min-respondents need --nonresponse RESPONSE"),
    (["--poststratify", "sex,region", "--margins", "m.csv"], "--poststratify takes one variable, or joint cells as a:b, once"),
    (["--rake", "sex", "--margins", "a.csv", "--margins", "b.csv"], "give --margins once"),
    (["--trim-upper", "nan"], "--trim-upper must be a finite number"),
    (["--calibrate", "logit", "--calibrate-vars", "sex", "--margins", "m.csv"], "--calibrate logit needs finite --bounds around 1"),
    (["--calibrate", "linear", "--calibrate-vars", "sex", "--margins", "m.csv", "--bounds", "2"], "--bounds takes LO,HI"),
    (["--rake-maxit", "3"], "--rake-epsilon and --rake-maxit need --rake"),
    (["--trim-strict"], "--trim-strict and --trim-relative-to need --trim-lower or --trim-upper"),
    (["--calibrate", "probit", "--calibrate-vars", "sex", "--margins", "m.csv"], "unknown --calibrate 'probit'"),
  ])
  func usage(flags: [String], message: String) throws {
    let output = try SurveyPipeBinary.run(["estimate", synth] + design + flags + ["--mean", "oop_cost"])
    #expect(output.status == 2)
    #expect(output.stderr.contains(message), "\(output.stderr)")
  }

  @Test("weighting failures exit 1 with the variable, level, file and line")
  func failures() throws {
    let folder = try TemporaryDirectory("weight")
    func estimate(_ flags: [String], margins: String) throws -> ProcessOutput {
      let path = try folder.write("m.csv", margins)
      return try SurveyPipeBinary.run(["estimate", synth] + design + flags + ["--margins", path, "--mean", "oop_cost"])
    }
    let sexes = "variable,level,total\nsex,1,1000000\nsex,2,1000000\n"
    let extra = try estimate(["--rake", "sex"], margins: sexes + "sex,3,5\n")
    #expect(extra.status == 1)
    #expect(extra.stderr.contains("m.csv:4: rake: sex = 3 has a population total but no respondent with a weight in the sample"))
    let lacking = try estimate(["--poststratify", "sex"], margins: "variable,level,total\nsex,1,1000000\n")
    #expect(lacking.status == 1)
    #expect(
      lacking.stderr.contains(
        "poststratify: 1052 respondents with sex = 2, but \(folder.path)/m.csv gives that level no population total (or a total of 0)"))
    let disagree = try estimate(["--rake", "sex,urban"], margins: sexes + "urban,1,1000000\nurban,2,1000100\n")
    #expect(disagree.status == 1)
    #expect(disagree.stderr.contains("m.csv: the totals of urban add up to 2000100 but those of sex to 2000000 (relative difference 5e-05)"))
    let slow = try estimate(["--rake", "sex,region", "--rake-maxit", "1", "--rake-epsilon", "1e-12"], margins: sexes + "region,1,400000\nregion,2,400000\nregion,3,400000\nregion,4,400000\nregion,5,400000\n")
    #expect(slow.status == 1)
    #expect(slow.stderr.contains("rake: did not converge in 1 sweeps"))
    let bad = try estimate(["--calibrate", "logit", "--calibrate-vars", "sex", "--bounds", "0.99,1.01"], margins: sexes)
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("calibrate (logit, bounds 0.99 to 1.01): failed to converge"), "\(bad.stderr)")
    let unknown = try estimate(["--rake", "gender"], margins: sexes)
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("gender"))
  }

  @Test("weight never writes over a margins file, refuses one file for both outputs, and replaces nothing when one fails")
  func outputs() throws {
    let folder = try TemporaryDirectory("weight")
    let data = try folder.write("data.csv", "id,w,sex\n1,2,m\n2,3,f\n")
    let margins = try folder.write("m.csv", "variable,level,total\nsex,m,4\nsex,f,6\n")
    let base = ["weight", data, "--weight", "w", "--poststratify", "sex", "--margins", margins]
    let overMargins = try SurveyPipeBinary.run(base + ["--out", margins])
    #expect(overMargins.status == 1)
    #expect(overMargins.stderr.contains("this output would overwrite an input file (the data or a margins file)"))
    #expect(try folder.read("m.csv") == "variable,level,total\nsex,m,4\nsex,f,6\n")
    let same = folder.path + "/o.csv"
    let collide = try SurveyPipeBinary.run(base + ["--out", same, "--report", same])
    #expect(collide.status == 1)
    #expect(collide.stderr.contains("--out and --report name the same file"))
    try folder.write("keep.csv", "old\n")
    let failing = try SurveyPipeBinary.run(base + ["--out", folder.path + "/keep.csv", "--report", folder.path + "/none/r.json"])
    #expect(failing.status == 1)
    #expect(failing.stderr.contains("the folder \(folder.path)/none does not exist"))
    #expect(try folder.read("keep.csv") == "old\n")
    // Margins with decimal commas and semicolons, read with the data's --decimal.
    let semicolons = try folder.write("data2.csv", "id;w;sex\n1;2;m\n2;3;f\n")
    let commaMargins = try folder.write("m2.csv", "variable;level;total\nsex;m;4,5\nsex;f;5,5\n")
    let decimal = try SurveyPipeBinary.run([
      "weight", semicolons, "--weight", "w", "--decimal", ",", "--poststratify", "sex", "--margins", commaMargins,
      "--out", folder.path + "/o2.csv",
    ])
    #expect(decimal.status == 0, "\(decimal.stderr)")
    #expect(try folder.read("o2.csv") == "id;w;sex;weight\n1;2;m;4,5\n2;3;f;5,5\n")
  }

  @Test("raking one margin is met in one sweep even when R's joint-table rule asks for another")
  func oneMargin() throws {
    let folder = try TemporaryDirectory("weight")
    let data = try folder.write("data.csv", "id,w,sex\n1,2,m\n2,3,f\n")
    let margins = try folder.write("m.csv", "variable,level,total\nsex,m,4\nsex,f,6\n")
    let output = try SurveyPipeBinary.run([
      "weight", data, "--weight", "w", "--rake", "sex", "--rake-maxit", "1", "--margins", margins, "--out",
      folder.path + "/o.csv",
    ])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(try folder.read("o.csv") == "id,w,sex,weight\n1,2,m,4\n2,3,f,6\n")
  }
}
