import SurveyCore
import SurveyDesign
import SurveyIngest
import SurveyWeight

/// What `estimate` and `weight` share: read the columns of one CSV file that the design, the
/// weighting and the estimates need, without a codebook, and weight it.
struct AdHocWeighting {
  var data: String
  var read: ReadOptions
  var design: DesignSpec
  var weighting: WeightingSpec?

  /// The file as read, its weighting, and notes for standard error.
  struct Outcome {
    var ingest: IngestResult
    var weighting: WeightingResult
    var notes: [String]
  }

  /// Reads the file (the columns of the design and the weighting, plus `numeric`, `totals` and
  /// `grouping` for the estimates) and runs the weighting stage.
  ///
  /// - Throws: the margins files' and the ingest errors, ``PipelineError/unreadableData(file:line:problem:)``
  ///   for a broken record or text in a numeric column, and the weighting errors.
  func run(numeric: [String] = [], totals: [String] = [], grouping: [String] = []) throws -> Outcome {
    let margins = try MarginsReader.read(weighting, options: read)
    let source = BatchSource(path: data, name: data, read: read)
    var numeric = numeric
    if let pattern = design.replicates?.columns {
      // Supplied replicate weights are named by a prefix or pattern: match it against the header.
      let header = try Ingest.read([source], schema: schema(margins: margins, numeric: [], totals: [], grouping: []))
      numeric += try ReplicateWeights.columnNames(matching: pattern, in: header.batches.first?.header ?? [])
    }
    let result = try Ingest.read([source], schema: schema(margins: margins, numeric: numeric, totals: totals, grouping: grouping))
    var notes = try Self.checkReadable(result)
    let weighted = try Weighting.run(table: result.table, spec: design, weighting: weighting, margins: margins)
    notes += weighted.notes.map { "note: \($0)" }
    notes += weighted.findings.map { "warning: \($0.message)" }
    return Outcome(ingest: result, weighting: weighted, notes: notes)
  }

  /// The columns to read, each once: weights, probabilities, fpcs, numeric calibration
  /// variables and `numeric` as decimals; strata, PSUs, weighting classes and margins, and
  /// `grouping` as categories found in the data; `totals` as categories that become decimals
  /// when most values are numbers.
  func schema(margins: [String: Margins], numeric: [String], totals: [String], grouping: [String]) -> IngestSchema {
    let numericNames = [design.weight, design.probability].compactMap { $0 } + design.fpc + numeric
    // Numeric calibration variables become numbers when their cells are; otherwise calibration
    // says so, naming the variable.
    var numericCalibration: [String] = []
    var groupingNames = [design.strata].compactMap { $0 } + design.psu + grouping
    if let weighting {
      if let nonresponse = weighting.nonresponse { groupingNames += [nonresponse.response] + nonresponse.classes }
      if let post = weighting.postStratify { groupingNames += MarginName.parts(post.variable) }
      if let rake = weighting.rake { groupingNames += rake.variables.flatMap(MarginName.parts) }
      if let calibrate = weighting.calibrate {
        for variable in calibrate.variables {
          let rows = margins[calibrate.margins]?.rows(of: variable) ?? []
          if rows.count == 1, rows[0].level.isEmpty {
            numericCalibration.append(variable)
          } else {
            groupingNames += MarginName.parts(variable)
          }
        }
      }
    }
    var names: [String] = []
    for name in numericNames + totals + numericCalibration + groupingNames where !names.contains(name) { names.append(name) }
    let fields = names.map { name -> IngestField in
      if numericNames.contains(name) { return IngestField(name: name, type: .decimal) }
      return IngestField(
        name: name, type: .categorical, discoversLevels: true,
        numericIfPossible: totals.contains(name) || numericCalibration.contains(name))
    }
    var schema = IngestSchema(
      fields: fields, idField: nil, reportsUnknownColumns: false, missingColumnIsFatal: true,
      missingTokens: ["null", "NA"])
    schema.unreadColumnsMayBreakLines = true
    // Nothing `estimate` or `weight` writes records the file's hash.
    schema.hashesBatches = false
    return schema
  }

  /// Stops on any error the reader found (a ragged row, a bad quote, undecodable bytes) and on a
  /// numeric cell that is not a number; returns the warnings. Messages name file and line.
  static func checkReadable(_ result: IngestResult) throws -> [String] {
    var warnings: [String] = []
    for finding in result.findings where finding.severity != .info {
      if finding.severity == .error {
        throw PipelineError.unreadableData(file: finding.batch ?? "", line: finding.line, problem: finding.message)
      }
      let place = [finding.batch, finding.line.map(String.init)].compactMap { $0 }.joined(separator: ":")
      warnings.append("warning: " + (place.isEmpty ? "" : place + ": ") + finding.message)
    }
    let table = result.table
    for column in table.columns where column.numbers != nil {
      if let row = column.state.firstIndex(of: .invalid) {
        let place = table.location(row: row)
        var problem = NumberText.Problem.notANumber
        let decimal = table.batches[Int(table.rowBatch[row])].decimal
        if let text = column.raw[row], case .failure(let found) = NumberText.read(text, decimal: decimal, integer: false) {
          problem = found
        }
        throw PipelineError.unreadableData(
          file: place.batch, line: place.line,
          problem: "the column '\(column.name)' holds a value that is \(problem.explanation)")
      }
    }
    return warnings
  }
}
