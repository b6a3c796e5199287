import SurveyCore
import Testing

@Suite("Pipeline files: the weighting section")
struct PipelineWeightingTests {
  static let head = "name: p\ncodebook: c.yml\ninputs: [a.csv]\ndesign: {weight: w, psu: [psu, ssu], fpc: [f1, f2]}\n"

  @Test("every step reads, with R's defaults and a shared margins file resolved against the pipeline")
  func reads() throws {
    let pipeline = try Pipeline.parse(
      yaml: Self.head + """
        weighting:
          margins: census/margins.csv
          nonresponse: {response: responded, classes: [region, urban]}
          poststratify: {variable: "sex : age_group"}
          rake: {variables: [sex, region], epsilon: 0.001, maxit: 20, margins: other.csv}
          calibrate: {method: logit, variables: [sex, income], bounds: [0.5, 2.5]}
          trim: {upper: 3.5, relative_to: median, strict: true}
        """, directory: "/survey")
    #expect(pipeline.design?.psu == ["psu", "ssu"])
    let weighting = try #require(pipeline.weighting)
    #expect(weighting.nonresponse == NonresponseSpec(response: "responded", classes: ["region", "urban"], minRespondents: 20))
    #expect(weighting.postStratify == PostStratifySpec(variable: "sex:age_group", margins: "/survey/census/margins.csv"))
    #expect(weighting.rake == RakeSpec(variables: ["sex", "region"], margins: "/survey/other.csv", epsilon: 0.001, maxit: 20))
    #expect(
      weighting.calibrate
        == CalibrateSpec(
          method: .logit, variables: ["sex", "income"], margins: "/survey/census/margins.csv", lower: 0.5, upper: 2.5))
    #expect(weighting.trim == TrimSpec(upper: 3.5, relativeTo: .median, strict: true))
    #expect(weighting.marginsFiles == ["/survey/census/margins.csv", "/survey/other.csv"])
    #expect(weighting.columns == ["responded", "region", "urban", "sex", "age_group", "income"])
    #expect(pipeline.keyLines["weighting.rake.margins"] == 9)
  }

  @Test("mistakes name the line and the key", arguments: [
    ("weighting: {rake: {variables: [sex]}}\n", "pipeline.yml:5: weighting.rake: rake needs a margins file"),
    ("weighting: {calibrate: {method: probit, variables: [sex], margins: m.csv}}\n",
     "pipeline.yml:5: weighting.calibrate.method: 'probit' is not one of linear, raking, logit"),
    ("weighting: {calibrate: {method: linear, variables: [sex], margins: m.csv, bounds: [2, 1]}}\n",
     "pipeline.yml:5: weighting.calibrate.bounds: expected [lower, upper] bounds"),
    ("weighting: {trim: {relative_to: median}}\n", "pipeline.yml:5: weighting.trim: give lower, upper or both"),
    ("weighting: {nonresponse: {classes: [region]}}\n", "pipeline.yml:5: weighting.nonresponse.response: this key is required"),
    ("weighting: {rake: {variables: [sex], margins: m.csv, maxit: 0}}\n",
     "pipeline.yml:5: weighting.rake.maxit: expected a number of iterations, 1 or more"),
    ("weighting: {raking: {variables: [sex]}}\n", "pipeline.yml:5: weighting.raking: unknown key (known keys: margins, nonresponse, poststratify, rake, calibrate, trim)"),
  ])
  func mistakes(yaml: String, message: String) {
    #expect(throws: (any Error).self) { try Pipeline.parse(yaml: Self.head + yaml) }
    do {
      _ = try Pipeline.parse(yaml: Self.head + yaml)
    } catch {
      #expect(error.localizedDescription.hasPrefix(message), "\(error.localizedDescription)")
    }
  }

  @Test("one fpc per stage, or none")
  func fpcPerStage() {
    do {
      _ = try Pipeline.parse(yaml: "name: p\ncodebook: c.yml\ninputs: [a.csv]\ndesign: {weight: w, psu: [a, b], fpc: [f]}\n")
      Issue.record("accepted")
    } catch {
      #expect(error.localizedDescription.hasPrefix("pipeline.yml:4: design.fpc: give one fpc column per stage (2 here"))
    }
  }
}
