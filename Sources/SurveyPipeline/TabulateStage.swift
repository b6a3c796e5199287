import Foundation
import SurveyCore
import SurveyDesign
import SurveyExport
import SurveyIngest
import SurveyTabulate

/// What the tabulate stage produced: every table that could be estimated, as CSV and all of
/// them as Markdown, and a `table-failed` finding for each table that could not.
struct TabulateStage {
  var files: [(name: String, csv: String)] = []
  var markdown = ""
  /// `tables.html`: the same tables wide, with charts.
  var html = ""
  /// `tables.json`: what each table measures and how it was computed (``TableMetadata``).
  var metadata = ""
  /// `tables.xlsx`'s sheets (with `exports: [xlsx]`), empty otherwise.
  var workbook: [Sheet] = []
  var failures: [Finding] = []
  /// The name of the table of each of ``failures``.
  var failedTables: [String] = []
  var time: StageTime?
}

extension PipelineRun {
  /// Tabulate: every table of the pipeline on the weighted design. A table whose design or
  /// estimate fails (a lonely PSU under `lonely_psu: fail`, a non-positive weight) becomes a
  /// `table-failed` finding naming it; the other tables are still estimated.
  func tabulate(_ table: DataTable, weighting: WeightStage) -> TabulateStage {
    let specs = pipeline.tables
    guard !specs.isEmpty, weighting.failure == nil, let design = weighting.design else { return TabulateStage() }
    let started = Date.now
    let suppressBelow = pipeline.suppressBelow
    let outcomes: [Result<TableOutput, TableProblem>]
    let populations = readPopulations()
    var estimator: Estimator?
    do {
      let made = try Estimator(table: table, design: design)
      estimator = made
      outcomes = Parallel.map(specs.count) { index in
        do {
          let spec = specs[index]
          if let association = spec.association {
            let statistic = ChiSquareStatistic(rawValue: association.statistic) ?? .f
            return .success(
              .test(try made.chiSquare(association.variables[0], association.variables[1], statistic: statistic)))
          }
          let population = try spec.rate?.population.map { path in
            try (populations[path] ?? .failure(TableProblem(TabulateError.populationNotRead(table: spec.name, file: path)))).get()
          }
          return .success(
            .estimates(try made.estimate(spec, population: population).suppressed(below: suppressBelow)))
        } catch {
          return .failure(TableProblem(error))
        }
      }
    } catch {
      outcomes = specs.map { _ in .failure(TableProblem(error)) }
    }
    var stage = TabulateStage()
    var estimated: [(spec: TableSpec, rows: [EstimateRow])] = []
    var published: [EstimateTable] = []
    var tested: [(spec: TableSpec, test: TestRow)] = []
    var markdown: [String] = []
    var metadata: [TableMetadata] = []
    let labels = codeLabels()
    for (spec, outcome) in zip(specs, outcomes) {
      switch outcome {
      case .success(.estimates(let rows)):
        estimated.append((spec, rows))
        let population = spec.rate?.population.flatMap { try? populations[$0]?.get() }
        let about = TableMetadata(
          spec: spec, design: design, population: population,
          matches: rateMatches(spec, rows: rows, population: population, estimator: estimator))
        metadata.append(about)
        published.append(publishedTable(spec, rows, labels: labels, about: about, replicates: design.replicates))
        markdown.append(EstimateMarkdown.table(published[published.count - 1]))
      case .success(.test(let test)):
        metadata.append(TableMetadata(spec: spec, design: design, population: nil, matches: []))
        tested.append((spec, test))
        markdown.append(EstimateMarkdown.tests([test], title: "\(spec.name): test of association"))
      case .failure(let problem):
        progress.note("tabulate", "\(spec.name): failed: \(problem.message)")
        stage.failedTables.append(spec.name)
        stage.failures.append(
          Finding(
            severity: .error, rule: .tableFailed, variable: spec.variable, batch: Ingest.fileName(pipeline.file),
            line: spec.line, message: "tables: \(spec.name): \(problem.message)"))
      }
    }
    var csv: [String: String] = [:]
    for item in estimated { csv[item.spec.name] = EstimateCSV.text(item.rows, byColumns: item.spec.by, cvFlag: pipeline.cvFlag) }
    for item in tested { csv[item.spec.name] = EstimateCSV.tests([item.test]) }
    stage.files = specs.compactMap { spec in csv[spec.name].map { (name: spec.name, csv: $0) } }
    stage.markdown = markdown.joined(separator: "\n")
    stage.metadata = stage.files.isEmpty ? "" : TableMetadata.document(metadata)
    if pipeline.exports.contains("xlsx") {
      stage.workbook = workbook(specs, published: zip(estimated.map(\.spec), published).map { ($0, $1) }, tested: tested)
    }
    stage.html =
      stage.files.isEmpty
      ? "" : EstimateHTML.page(title: pipeline.name, tables: published, tests: tested.map { ($0.spec.name, $0.test) })
    let seconds = Date.now.timeIntervalSince(started)
    progress.note("tabulate", "\(stage.files.count) tables (\(String(format: "%.2f", seconds)) s)")
    stage.time = StageTime(name: "tabulate", rowsIn: table.rowCount, rowsOut: table.rowCount, seconds: seconds)
    return stage
  }

  /// The population rows each row of a rate table divided by (empty for other tables).
  private func rateMatches(
    _ spec: TableSpec, rows: [EstimateRow], population: PopulationTable?, estimator: Estimator?
  ) -> [PopulationTable.Match] {
    guard let rate = spec.rate, let population, let estimator else { return [] }
    return (try? estimator.populationMatches(rate, by: spec.by, rows: rows, population: population, filter: spec.filter)) ?? []
  }

  /// The population files of the rate tables, read, by path (a file that cannot be read fails
  /// the tables that use it).
  private func readPopulations() -> [String: Result<PopulationTable, TableProblem>] {
    var read: [String: Result<PopulationTable, TableProblem>] = [:]
    for path in pipeline.populationFiles {
      do {
        read[path] = .success(try PopulationReader.read(path, options: pipeline.read, codebook: pipeline.outputCodebook(codebook)))
      } catch {
        read[path] = .failure(TableProblem(error))
      }
    }
    return read
  }

  /// The codebook's labels of codes, by variable then code (the pipeline's new variables included).
  private func codeLabels() -> [String: [String: String]] {
    var labels: [String: [String: String]] = [:]
    for variable in pipeline.outputCodebook(codebook).variables where !variable.codes.isEmpty {
      labels[variable.name] = Dictionary(variable.codes.map { ($0.code, $0.label) }, uniquingKeysWith: { a, _ in a })
    }
    return labels
  }

  /// A table as `tables.md` and `tables.html` show it.
  private func publishedTable(
    _ spec: TableSpec, _ rows: [EstimateRow], labels: [String: [String: String]], about: TableMetadata,
    replicates: ReplicateWeights?
  ) -> EstimateTable {
    var table = EstimateTable(
      title: about.title, rows: rows, level: spec.level, interval: spec.interval, suppressBelow: pipeline.suppressBelow,
      cvFlag: pipeline.cvFlag, labels: labels)
    table.notes = about.notes
    table.census = about.census
    // Quantiles on a replicate design take the wald interval whatever `ci:` says (as R).
    if spec.statistic == .quantile, replicates != nil { table.interval = .wald }
    return table
  }
}

/// What one table produced: estimate rows, or a test of association.
enum TableOutput: Sendable {
  case estimates([EstimateRow])
  case test(TestRow)
}

/// Why one table could not be estimated, in words (the estimator's and the design's messages
/// name strata, PSUs and rows by batch and line, never a respondent's value).
struct TableProblem: LocalizedError, Sendable {
  let message: String

  var errorDescription: String? { message }

  init(_ error: any Error) {
    message = (error as? LocalizedError)?.errorDescription ?? String(describing: error)
  }
}

extension PipelineRun {
  /// The sheets of `tables.xlsx`: the tables that could be estimated and the tests, in the
  /// pipeline's order.
  func workbook(
    _ specs: [TableSpec], published: [(spec: TableSpec, table: EstimateTable)], tested: [(spec: TableSpec, test: TestRow)]
  ) -> [Sheet] {
    var items: [(name: String, table: EstimateTable?, test: TestRow?)] = []
    for spec in specs {
      if let test = tested.first(where: { $0.spec.name == spec.name }) {
        items.append((spec.name, nil, test.test))
      } else if let table = published.first(where: { $0.spec.name == spec.name }) {
        items.append((spec.name, table.table, nil))
      }
    }
    return ExcelWorkbooks.tables(items, byVariables: Dictionary(specs.map { ($0.name, $0.by) }, uniquingKeysWith: { a, _ in a }))
  }
}
