import Foundation
import ArgumentParser
import SurveyCore
import SurveyPipeline
import SurveyIngest

/// `survey-pipe check`: lint a pipeline and its codebook without reading any data.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check a pipeline and its codebook without reading data.",
    discussion: """
      Reads the pipeline and the codebook, checks every key, type, code list, range and expression, \
      checks that the design and tables name suitable variables, and that every input pattern \
      matches a file. Errors name the file, the line and the key.

      Example:
        survey-pipe check pipelines/moldova-migrant-health.yml
        survey-pipe check pipelines/moldova-health-workforce.yml   # a file with parts: checks each
      """)

  @Argument(help: "The pipeline file (YAML).")
  var pipeline: String

  func run() throws {
    if let parts = try PipelineParts.load(path: pipeline) {
      let loaded = try PipelineRun.loadParts(parts)
      print("\(parts.file): \(parts.parts.count) part\(parts.parts.count == 1 ? "" : "s"), output \(parts.outputPath)")
      for (part, codebook) in loaded { try check(part, codebook, output: parts.outputPath(ofPart: part.name)) }
      return
    }
    let (pipeline, codebook) = try PipelineRun.load(self.pipeline)
    try check(pipeline, codebook, output: pipeline.outputPath)
  }

  /// Prints what a checked pipeline holds; `output` is where it writes (a part's folder when it
  /// runs as a part).
  func check(_ pipeline: Pipeline, _ codebook: Codebook, output: String) throws {
    let sources = try Ingest.sources(for: pipeline)
    print(
      """
      \(pipeline.file): ok
        codebook \(pipeline.codebookPath): survey \(codebook.survey), \(codebook.variables.count) variables
        inputs: \(sources.count) file\(sources.count == 1 ? "" : "s")
        design: \(Self.design(pipeline))
        weighting: \(Self.weighting(pipeline.weighting))
        tables: \(pipeline.tables.count)
        output: \(output)
      """)
    let added = pipeline.clean.recodes.compactMap(\.newVariable?.name) + pipeline.clean.derives.map(\.name)
    if !pipeline.clean.recodes.isEmpty || !added.isEmpty {
      print("  recodes: \(pipeline.clean.recodes.count); new variables: \(added.isEmpty ? "none" : added.joined(separator: ", "))")
    }
  }

  /// `2 stages, strata stratum, fpc` or `none`.
  static func design(_ pipeline: Pipeline) -> String {
    guard let design = pipeline.design else { return "none" }
    if design.census { return "census (no sampling error)" }
    let stages = max(1, design.psu.count)
    var parts = ["\(stages) stage\(stages == 1 ? "" : "s")"]
    if let strata = design.strata { parts.append("strata \(strata)") }
    parts.append(design.fpc.isEmpty ? "with replacement (no fpc)" : "fpc")
    return parts.joined(separator: ", ")
  }

  /// The weighting steps in order, such as `nonresponse (region, urban), calibrate raking (sex, region)`.
  static func weighting(_ spec: WeightingSpec?) -> String {
    guard let spec, !spec.isEmpty else { return "design weights only" }
    var steps: [String] = []
    if let nonresponse = spec.nonresponse { steps.append("nonresponse (\(nonresponse.classes.joined(separator: ", ")))") }
    if let post = spec.postStratify { steps.append("poststratify (\(post.variable))") }
    if let rake = spec.rake { steps.append("rake (\(rake.variables.joined(separator: ", ")))") }
    if let calibrate = spec.calibrate {
      steps.append("calibrate \(calibrate.method.rawValue) (\(calibrate.variables.joined(separator: ", ")))")
    }
    if let trim = spec.trim { steps.append("trim\(trim.relativeTo == .absolute ? "" : " relative to the \(trim.relativeTo.rawValue)")") }
    return steps.joined(separator: ", ")
  }
}
