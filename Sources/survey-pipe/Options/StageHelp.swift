import SurveyPipeline

/// The help text the one-stage commands share.
enum StageHelp {
  static func discussion(_ stage: Stage) -> String {
    let reads: String
    switch stage {
    case .ingest: reads = "the batch files"
    case .validate: reads = "the ingest artifact"
    case .clean: reads = "the ingest and validate artifacts and the decisions file"
    case .weight: reads = "the clean artifact and the margins files"
    case .tabulate: reads = "the clean and weight artifacts"
    }
    let writes = stage == .tabulate ? "the run folder, as `run` writes it" : "DIR.stages/\(stage.rawValue).artifact"
    return """
      Reads \(reads) and writes \(writes). Artifacts live in DIR.stages beside the run folder DIR \
      (the pipeline's `output`, or --out); they hold personal data and are never published. A stage \
      refuses an artifact whose inputs (pipeline, codebook, batches, decisions, margins) changed \
      since it was written, naming the changed file, and one that is missing, damaged or of another \
      format version. Running ingest, validate, clean, weight and tabulate one by one writes the \
      same run folder as `run` (all but run.json). `run --only \(stage.rawValue)` does the same.

      Exit codes: 0 done; 1 failed (the message names the file); 2 usage.
      """
  }
}
