import ArgumentParser
import Foundation
import SurveyCore
import SurveyPipeline

extension Run {
  /// Runs every part of a combined pipeline in order, each into `OUTPUT/PART-NAME`, printing each
  /// part's summary. A part whose tables or weighting failed, or whose `--fail-on` gate tripped,
  /// does not stop the parts after it; the exit code is then the worst (1 before 3). A part that
  /// cannot run at all (unreadable input, bad configuration) stops the run.
  func runParts(_ parts: PipelineParts) throws {
    let loaded = try PipelineRun.loadParts(parts)
    try PipelineRun.checkPartsOutput(out ?? parts.outputPath)
    var worst: Int32 = 0
    for (index, (pipeline, codebook)) in loaded.enumerated() {
      let output = parts.outputPath(ofPart: pipeline.name, under: out)
      if !quiet { FileHandle.standardError.write(Data("\(parts.name): part \(index + 1) of \(loaded.count), \(pipeline.file)\n".utf8)) }
      do {
        if let only {
          try StageFlags.run(only, pipeline: pipeline.file, out: output, quiet: quiet, failOn: failOn, exports: exportFormats)
        } else {
          try runOne(pipeline, codebook, output: output)
        }
      } catch let code as ExitCode {
        worst = worst == 0 || code.rawValue == 1 ? code.rawValue : worst
      }
    }
    if worst != 0 { throw ExitCode(worst) }
  }

  /// Runs one pipeline into `output`: its summary, then the failure and `--fail-on` exits.
  func runOne(_ pipeline: Pipeline, _ codebook: Codebook, output: String) throws {
    var pipeline = pipeline
    pipeline.exports += exportFormats.filter { !pipeline.exports.contains($0) }
    if !exportFormats.isEmpty { try PipelineRun.checkExports(pipeline, codebook) }
    let runner = PipelineRun(pipeline: pipeline, codebook: codebook, outputPath: output, progress: ProgressLog(quiet: quiet))
    let outcome = try runner.execute()
    RunSummary.print(outcome, pipeline: pipeline.name)
    try RunSummary.failIfFailed(outcome)
    try RunSummary.gate(outcome, failOn: failOn)
  }
}
