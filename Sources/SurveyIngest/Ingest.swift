import Foundation
import SurveyCore

/// What ingest produces: the table, the findings about the files, and their provenance.
public struct IngestResult: Sendable {
  public var table: DataTable
  public var findings: [Finding]
  public var batches: [BatchReport]

  public init(table: DataTable, findings: [Finding], batches: [BatchReport]) {
    self.table = table
    self.findings = findings
    self.batches = batches
  }
}

/// The ingest stage: batch CSV files in, one typed columnar table out.
public enum Ingest {
  /// The batch files a pipeline names, with their read options; globs are expanded and sorted.
  ///
  /// - Throws: ``IngestError/noMatchingFiles(pattern:pipeline:line:)`` for a pattern that
  ///   matches nothing.
  public static func sources(for pipeline: Pipeline) throws -> [BatchSource] {
    var sources: [BatchSource] = []
    for input in pipeline.inputs {
      let paths = FileGlob.expand(input.resolvedPattern).filter { FileManager.default.fileExists(atPath: $0) }
      if paths.isEmpty {
        throw IngestError.noMatchingFiles(pattern: input.pattern, pipeline: pipeline.file, line: input.line)
      }
      for path in paths where !sources.contains(where: { $0.path == path }) {
        sources.append(BatchSource(path: path, name: fileName(path), read: input.read))
      }
    }
    // Two batches with the same file name in different folders are named by their paths.
    let names = sources.map(\.name)
    for index in sources.indices where names.filter({ $0 == sources[index].name }).count > 1 {
      sources[index].name = sources[index].path
    }
    return sources
  }

  /// The last component of `path`: how logs name a batch.
  public static func fileName(_ path: String) -> String {
    FileGlob.fileName(path)
  }

  /// Reads every batch into one table typed by `schema`.
  ///
  /// Problems inside the files (ragged rows, bad quotes, undecodable bytes, unknown or missing
  /// columns) become findings; each record becomes one row that remembers its batch and line.
  /// - Parameters:
  ///   - progress: called after each batch with its provenance (for progress lines).
  /// - Throws: ``IngestError`` when a file cannot be read or its header cannot be parsed.
  public static func read(
    _ sources: [BatchSource], schema: IngestSchema, progress: ((BatchReport) -> Void)? = nil
  ) throws -> IngestResult {
    guard sources.count <= Int(UInt16.max) else { throw IngestError.tooManyBatches(count: sources.count) }
    var builders = schema.fields.map { ColumnBuilder(field: $0, missingTokens: schema.missingTokens) }
    var rowBatch: [UInt16] = []
    var rowLine: [Int32] = []
    var rowIssues: [Int: RowIssue] = [:]
    var findings: [Finding] = []
    var reports: [BatchReport] = []
    var pendingRows: [(row: Int, rule: RuleID, message: String)] = []
    var pendingSplits: [(row: Int, variable: String, value: String?, message: String)] = []
    for (batchIndex, source) in sources.enumerated() {
      let outcome = try BatchReader(source: source, batchIndex: batchIndex, schema: schema).read()
      findings += outcome.findings
      reports.append(outcome.report)
      progress?(outcome.report)
      guard let part = outcome.records else { continue }
      let offset = rowLine.count
      for builder in part.builders {
        let field = builder.field
        for conflict in builder.splitConflicts {
          let message = conflict.message(
            column: outcome.report.header[conflict.position], variable: field.name, option: field.levels[conflict.bit],
            pii: field.pii)
          pendingSplits.append((offset + conflict.row, field.name, field.pii ? nil : conflict.value, message))
        }
      }
      if offset == 0 {
        builders = part.builders
      } else {
        for (mine, theirs) in zip(builders, part.builders) { mine.append(theirs) }
      }
      rowBatch += repeatElement(UInt16(batchIndex), count: part.rowCount)
      rowLine += part.rowLines
      let headerCount = part.headerCount
      for (row, fields) in part.ragged {
        rowIssues[offset + row] = RowIssue(rule: .raggedRow)
        pendingRows.append(
          (offset + row, .raggedRow, "the record has \(fields) field\(fields == 1 ? "" : "s"); the header has \(headerCount)"))
      }
      for row in part.brokenQuotes {
        rowIssues[offset + row] = RowIssue(rule: .badQuote)
        pendingRows.append(
          (offset + row, .badQuote, "a quote is not closed, or text follows a closing quote; the record cannot be split into fields"))
      }
      for span in part.lineSpans {
        rowIssues[offset + span.row] = RowIssue(rule: QuotedLineBreak.rule)
        pendingRows.append(
          (offset + span.row, QuotedLineBreak.rule, QuotedLineBreak.message(span, header: outcome.report.header)))
      }
    }
    var table = DataTable(
      columns: builders.map { $0.build() }, batches: sources.map { BatchInfo(name: $0.name, path: $0.path, decimal: $0.read.decimal) },
      rowBatch: rowBatch, rowLine: rowLine, rowIssues: rowIssues, idColumn: schema.idField)
    table.missingColumns = reportsMissing(findings)
    RecordIDTrust.mark(&table)
    for pending in pendingRows.sorted(by: { $0.row < $1.row }) {
      findings.append(
        Finding(severity: .error, rule: pending.rule, variable: nil, row: pending.row, in: table, value: nil, message: pending.message))
    }
    // Records that could not be lined up with the header have their own finding.
    for pending in pendingSplits where rowIssues[pending.row] == nil {
      findings.append(
        Finding(
          severity: .error, rule: .multipleDisagree, variable: pending.variable, row: pending.row, in: table,
          value: pending.value, message: pending.message))
    }
    return IngestResult(table: table, findings: findings.sortedForReport(), batches: reports)
  }

  /// Batch and variable of every `missing-column` finding, so later rules skip those cells.
  static func reportsMissing(_ findings: [Finding]) -> Set<MissingColumn> {
    Set(findings.filter { $0.rule == .missingColumn }.compactMap { finding in
      guard let batch = finding.batchIndex, let variable = finding.variable else { return nil }
      return MissingColumn(batch: batch, variable: variable)
    })
  }
}
