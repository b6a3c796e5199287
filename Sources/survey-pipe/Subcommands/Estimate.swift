import ArgumentParser
import Foundation
import SurveyCore
import SurveyIngest
import SurveyTabulate
import SurveyWeight

/// `survey-pipe estimate DATA.csv`: design-based estimates from one CSV file, written to stdout.
struct Estimate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "estimate",
    abstract: "Weighted means, totals and proportions with design-based standard errors, from one CSV file.",
    discussion: """
      Reads only the columns named by the flags (blank, null and NA cells are missing), weights \
      the rows (--weight, --prob, or N/n from --fpc, else 1) and writes one row per estimate \
      and domain: estimate, Taylor-linearization SE, a t interval on df = PSUs − strata, the \
      design effect with --deff, and n, the unweighted rows used. The numbers match R's \
      survey package (svymean, svytotal, svyby).

      Examples:
        survey-pipe estimate apistrat.csv --weight pw --strata stype --fpc fpc \\
          --mean api00 --total enroll --deff
        survey-pipe estimate apiclus1.csv --weight pw --psu dnum --fpc fpc \\
          --proportion sch.wide --by stype --format md
        survey-pipe estimate survey.csv --weight w --strata region --psu cluster \\
          --lonely-psu adjust --mean oop_cost --by sex,age_group --level 0.9
      """)

  @Argument(help: "The CSV file to read.")
  var data: String

  @OptionGroup(title: "Read")
  var read: ReadFlags

  @OptionGroup(title: "Design")
  var design: DesignFlags

  @OptionGroup(title: "Estimates")
  var estimates: EstimateFlags

  func run() throws {
    let spec = try design.spec()
    let source = BatchSource(path: data, name: data, read: try read.options())
    let result = try Ingest.read([source], schema: schema(for: spec))
    try Self.checkReadable(result)
    let weights = try Weighting.designWeights(spec, table: result.table)
    for note in weights.notes { Self.printError("note: \(note)") }
    let survey = try SurveyDesign(table: result.table, spec: spec, weights: weights.values)
    let domains = try survey.domains(by: estimates.byVariables)
    let options = EstimateOptions(level: estimates.level, interval: try estimates.interval(), deff: estimates.deff)
    var tables: [EstimateTable] = []
    for request in estimates.requests {
      let rows = try survey.estimate(request.statistic, of: request.variable, domains: domains, options: options)
      let by = domains.variables.isEmpty ? "" : " by " + domains.variables.joined(separator: ", ")
      tables.append(EstimateTable(title: "\(request.statistic.rawValue) of \(request.variable)\(by)", rows: rows, level: options.level))
    }
    let rows = tables.flatMap(\.rows)
    switch estimates.format {
    case .csv: print(EstimateCSV.text(rows, byColumns: domains.variables), terminator: "")
    case .json: print(EstimateJSON.text(rows), terminator: "")
    case .md: print(EstimateMarkdown.text(tables), terminator: "")
    }
  }

  /// The columns to read, each once: weights, probabilities, fpcs and means as decimals;
  /// strata, PSUs, domains and proportions as categories found in the data; totals as
  /// categories that become decimals when every value is a number.
  func schema(for spec: DesignSpec) -> IngestSchema {
    let numeric = [spec.weight, spec.probability].compactMap { $0 } + spec.fpc + estimates.means
    let grouping = [spec.strata].compactMap { $0 } + spec.psu + estimates.byVariables + estimates.proportions
    var names: [String] = []
    for name in numeric + estimates.totals + grouping where !names.contains(name) { names.append(name) }
    let fields = names.map { name -> IngestField in
      if numeric.contains(name) { return IngestField(name: name, type: .decimal) }
      return IngestField(
        name: name, type: .categorical, discoversLevels: true, numericIfPossible: estimates.totals.contains(name))
    }
    return IngestSchema(
      fields: fields, idField: nil, reportsUnknownColumns: false, missingColumnIsFatal: true,
      missingTokens: ["null", "NA"])
  }

  /// Stops on any error the reader found (a ragged row, a bad quote, undecodable bytes) and on a
  /// numeric cell that is not a number; prints warnings. Messages name file and line, not values.
  static func checkReadable(_ result: IngestResult) throws {
    for finding in result.findings where finding.severity != .info {
      let place = [finding.batch, finding.line.map(String.init)].compactMap { $0 }.joined(separator: ":")
      let text = (place.isEmpty ? "" : place + ": ") + finding.message
      if finding.severity == .error { throw EstimateFailure(message: text) }
      printError("warning: \(text)")
    }
    let table = result.table
    for column in table.columns where column.numbers != nil {
      if let row = column.state.firstIndex(of: .invalid) {
        let place = table.location(row: row)
        throw EstimateFailure(message: "\(place.batch):\(place.line): the column '\(column.name)' holds a value that is not a number")
      }
    }
  }

  static func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}

/// A reason `estimate` stops that comes from the data file itself (exit status 1).
struct EstimateFailure: LocalizedError {
  var message: String
  var errorDescription: String? { message }
}
