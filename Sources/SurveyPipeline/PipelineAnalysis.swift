import SurveyCore
import SurveyTabulate
import SurveyWeight

/// The weight and tabulate stages of a run, on the clean table.
struct PipelineAnalysis {
  let pipeline: Pipeline
  let codebook: Codebook
  let table: DataTable
  let progress: ProgressLog

  /// The design with its final weights and `weights.json`, when the pipeline has a design.
  func weigh(manifest: inout RunManifest) throws -> WeightingResult? {
    guard let design = pipeline.design else { return nil }
    let margins = try MarginsReader.read(pipeline.weighting, options: pipeline.read)
    let (result, seconds) = try progress.time(
      "weight",
      {
        do {
          return try Weighting.run(table: table, spec: design, weighting: pipeline.weighting, margins: margins)
        } catch let error as WeightError {
          // Name the pipeline key of the step.
          let key = error.step.map { "weighting.\($0)" } ?? "weighting"
          var problem = error.localizedDescription
          if let step = error.step, problem.hasPrefix(step + ": ") { problem.removeFirst(step.count + 2) }
          throw PipelineError.weighting(
            file: pipeline.file, line: pipeline.keyLines[key] ?? pipeline.weighting?.line, key: key, problem: problem)
        }
      },
      message: { result in
        let steps = result.diagnostics.steps.map(\.step).joined(separator: ", ")
        return "\(result.diagnostics.count) weights, sum \(EstimateMarkdown.readable(result.diagnostics.sum)) (\(steps))"
      })
    for note in result.notes { progress.note("weight", note) }
    manifest.stage("weight", rowsIn: table.rowCount, rowsOut: table.rowCount, seconds: seconds)
    manifest.margins = (pipeline.weighting?.marginsFiles ?? []).map { (path: $0, read: margins[$0]) }
    return result
  }

  /// Every table of the pipeline as CSV, and all of them as Markdown.
  func tabulate(weighting: WeightingResult?, manifest: inout RunManifest) throws -> (
    files: [(name: String, csv: String)], markdown: String
  ) {
    guard let weighting, !pipeline.tables.isEmpty else { return ([], "") }
    let ((files, tables), seconds) = try progress.time(
      "tabulate",
      {
        let estimator = try Estimator(table: table, design: weighting.design)
        // Tables are independent: they are estimated on every core, kept in pipeline order.
        let specs = pipeline.tables
        let suppressBelow = pipeline.suppressBelow
        let file = pipeline.file
        let rows = try Parallel.map(specs.count) { index in
          do {
            return try estimator.estimate(specs[index]).suppressed(below: suppressBelow)
          } catch let error as TabulateError {
            // Name the table and the pipeline line it comes from.
            throw PipelineError.table(
              file: file, line: specs[index].line, name: specs[index].name, problem: error.localizedDescription)
          }
        }
        let files = zip(specs, rows).map { spec, rows in (name: spec.name, csv: EstimateCSV.text(rows, byColumns: spec.by)) }
        var labels: [String: [String: String]] = [:]
        for variable in codebook.variables where !variable.codes.isEmpty {
          labels[variable.name] = Dictionary(variable.codes.map { ($0.code, $0.label) }, uniquingKeysWith: { a, _ in a })
        }
        let tables = zip(specs, rows).map { spec, rows in
          EstimateTable(
            title: "\(spec.name): \(spec.statistic.rawValue) of \(spec.variable)"
              + (spec.by.isEmpty ? "" : " by \(spec.by.joined(separator: ", "))"),
            rows: rows, level: spec.level, suppressBelow: suppressBelow, labels: labels)
        }
        return (files, tables)
      }, message: { "\($0.0.count) tables" })
    manifest.stage("tabulate", rowsIn: table.rowCount, rowsOut: table.rowCount, seconds: seconds)
    return (files, EstimateMarkdown.text(tables))
  }
}
