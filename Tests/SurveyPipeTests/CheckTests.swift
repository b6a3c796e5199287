import Foundation
import Testing
import _SurveyTestSupport

@Suite("survey-pipe check")
struct CheckTests {
  @Test("the example pipeline checks out")
  func example() throws {
    let result = try SurveyPipeBinary.run(["check", Fixtures.repoPath("pipelines/moldova-migrant-health.yml")])
    #expect(result.status == 0)
    #expect(result.stdout.contains("survey moldova-migrant-health, 30 variables"))
    #expect(result.stdout.contains("inputs: 3 files"))
    #expect(result.stdout.contains("design: 1 stage, strata stratum, fpc"))
    #expect(
      result.stdout.contains(
        "weighting: nonresponse (region, urban), calibrate raking (sex, region, age_group), trim relative to the median"))
  }

  @Test("errors name the file, the line and the key", arguments: [
    ("codebook: c.yml\n", "p.yml:1: name: this key is required"),
    ("name: x\ncodebook: c.yml\ninputs: [a.csv]\nclean: {invalid: set-mising}\n",
     "p.yml:4: clean.invalid: 'set-mising' is not one of set-missing, drop-record, keep"),
    ("name: x\ncodebook: c.yml\ninputs: [a.csv]\ndesgin: {weight: w}\n",
     "p.yml:4: desgin: unknown key (did you mean 'design'?)"),
    ("name: x\ncodebook: c.yml\ninputs: [a.csv]\nweighting: {calibrate: {method: raking}}\n",
     "p.yml:4: weighting: weighting needs a 'design' section"),
    ("name: x\ncodebook: c.yml\ninputs: [a.csv]\ndesign: {weight: w}\nweighting:\n  calibrate: {method: raking, margins: m.csv}\n",
     "p.yml:6: weighting.calibrate.variables: this key is required"),
    ("name: x\ncodebook: c.yml\ninputs: [a.csv]\ndesign: {weight: w}\nweighting:\n  rake: {variables: [sex]}\n",
     "p.yml:6: weighting.rake: rake needs a margins file"),
    ("name: x\ncodebook: c.yml\ninputs: [a.csv]\ndesign: {weight: w}\nweighting:\n  calibrate: {method: logit, variables: [sex], margins: m.csv}\n",
     "p.yml:6: weighting.calibrate: logit calibration needs finite bounds"),
    ("name: x\ncodebook: [\n", "p.yml:3:1: not valid YAML"),
    ("name: x\ncodebook: c.yml\ninputs: [a.csv]\n", "p.yml:2: codebook: cannot read c.yml: no such file"),
    ("name: ../x\ncodebook: c.yml\ninputs: [a.csv]\n", "p.yml:1: name: '../x' cannot name a run folder"),
  ])
  func pipelineErrors(yaml: String, message: String) throws {
    let folder = try TemporaryDirectory("check")
    let path = try folder.write("p.yml", yaml)
    let result = try SurveyPipeBinary.run(["check", "p.yml"], in: folder.path)
    #expect(result.status == 1)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    _ = path
  }

  @Test("codebook errors name the codebook, line and key")
  func codebookErrors() throws {
    let folder = try TemporaryDirectory("check")
    try folder.write("p.yml", "name: x\ncodebook: c.yml\ninputs: [a.csv]\n")
    try folder.write(
      "c.yml",
      """
      survey: s
      id: rid
      variables:
        - {name: rid, type: text}
        - {name: age, type: intger}
      """)
    let result = try SurveyPipeBinary.run(["check", "p.yml"], in: folder.path)
    #expect(result.status == 1)
    #expect(result.stderr.contains("c.yml:5: variables[1].type: unknown type 'intger'"), "\(result.stderr)")
  }

  @Test("a pii id variable and a missing input file are refused")
  func piiIdAndMissingInput() throws {
    let folder = try TemporaryDirectory("check")
    try folder.write("c.yml", "survey: s\nid: rid\nvariables:\n  - {name: rid, type: text, pii: true}\n")
    try folder.write("p.yml", "name: x\ncodebook: c.yml\ninputs: [a.csv]\n")
    let pii = try SurveyPipeBinary.run(["check", "p.yml"], in: folder.path)
    #expect(pii.stderr.contains("c.yml:2: id: the id variable 'rid' is marked pii"), "\(pii.stderr)")
    try folder.write("c.yml", "survey: s\nid: rid\nvariables:\n  - {name: rid, type: text}\n")
    let missing = try SurveyPipeBinary.run(["check", "p.yml"], in: folder.path)
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("p.yml:3: inputs: no file matches 'a.csv'"), "\(missing.stderr)")
  }

  @Test("a table naming a variable of the wrong type is refused")
  func tableTypes() throws {
    let folder = try TemporaryDirectory("check")
    try folder.write("a.csv", "rid\n")
    try folder.write(
      "c.yml", "survey: s\nid: rid\nvariables:\n  - {name: rid, type: text}\n  - {name: w, type: decimal}\n")
    try folder.write(
      "p.yml",
      "name: x\ncodebook: c.yml\ninputs: [a.csv]\ndesign: {weight: w}\ntables:\n  - {name: t, mean: rid}\n")
    let result = try SurveyPipeBinary.run(["check", "p.yml"], in: folder.path)
    #expect(result.status == 1)
    #expect(result.stderr.contains("p.yml:6: tables[0].mean: 'rid' is text; a mean needs an integer or decimal variable"), "\(result.stderr)")
  }

  @Test("check reads the margins files: rows for every margin, levels that are codes")
  func margins() throws {
    let folder = try TemporaryDirectory("check")
    try folder.write(
      "c.yml",
      "survey: s\nid: rid\nvariables:\n  - {name: rid, type: text}\n  - {name: w, type: decimal}\n  - {name: sex, type: categorical, codes: {1: Male, 2: Female}}\n  - {name: age, type: categorical, codes: {1: young, 2: old}}\n")
    try folder.write("a.csv", "rid,w,sex,age\nR1,2,1,1\nR2,2,1,2\n")
    let pipeline = "name: x\ncodebook: c.yml\ninputs: [a.csv]\ndesign: {weight: w}\nweighting:\n  rake: {variables: [sex, age], margins: m.csv}\n"
    try folder.write("p.yml", pipeline)
    try folder.write("m.csv", "variable,level,total\nsex,1,5\nsex,2,5\n")
    let noRows = try SurveyPipeBinary.run(["check", "p.yml"], in: folder.path)
    #expect(noRows.status == 1)
    #expect(noRows.stderr.contains("p.yml:6: weighting.rake.margins: m.csv has no rows for 'age'"), "\(noRows.stderr)")
    try folder.write("m.csv", "variable,level,total\nsex,Male,5\nsex,2,5\nage,1,4\nage,2,6\n")
    let labels = try SurveyPipeBinary.run(["check", "p.yml"], in: folder.path)
    #expect(labels.stderr.contains("m.csv:2: level: 'Male' is not a code of 'sex' (codes: 1, 2); margins give totals by code"))
    // A step that fails at run time names the pipeline's key.
    try folder.write("m.csv", "variable,level,total\nsex,1,5\nsex,2,5\nage,1,4\nage,2,6\n")
    let run = try SurveyPipeBinary.run(["run", "p.yml", "--out", "out"], in: folder.path)
    #expect(run.status == 1)
    #expect(
      run.stderr.contains(
        "p.yml:6: weighting.rake: m.csv:3: rake: sex = 2 has a population total but no respondent with a weight in the sample"),
      "\(run.stderr)")
  }
}
