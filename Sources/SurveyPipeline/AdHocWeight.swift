import Foundation
import SurveyCore
import SurveyIngest
import SurveyWeight

/// `survey-pipe weight`: one CSV file in, the same file out with the final weight as a last
/// column, and the weighting diagnostics.
///
/// Every record and every column is written in input order, each cell as it arrived, with the
/// input's delimiter (the weight uses its decimal mark), in UTF-8 (with a byte-order mark when
/// the input had one). Nonrespondents after a nonresponse adjustment get weight 0.
public struct AdHocWeight: Sendable {
  public var data: String
  public var read: ReadOptions
  public var design: DesignSpec
  public var weighting: WeightingSpec?
  /// The weight column's name.
  public var name: String
  /// Where the weighted file goes.
  public var output: String
  /// Where the diagnostics JSON goes, if anywhere.
  public var report: String?

  public init(
    data: String, read: ReadOptions, design: DesignSpec, weighting: WeightingSpec?, name: String = "weight",
    output: String, report: String? = nil
  ) {
    self.data = data
    self.read = read
    self.design = design
    self.weighting = weighting
    self.name = name
    self.output = output
    self.report = report
  }

  /// What `weight` did.
  public struct Outcome: Sendable {
    public var rows: Int
    public var diagnostics: WeightDiagnostics
    public var notes: [String]
  }

  /// Weights the file and writes the outputs (each written whole, or not at all).
  ///
  /// - Throws: as `estimate` does, plus ``PipelineError`` when the file already has the weight
  ///   column or a repeated header name, or an output would overwrite the input.
  public func execute() throws -> Outcome {
    let inputs = [data] + (weighting?.marginsFiles ?? [])
    for path in [output, report].compactMap({ $0 }) where inputs.contains(where: { Self.samePath(path, $0) }) {
      throw PipelineError.outputIsInput(path: path)
    }
    if let report, Self.samePath(report, output) { throw PipelineError.outputsCollide(path: report) }
    let weighted = try AdHocWeighting(data: data, read: read, design: design, weighting: weighting).run()
    let batch = weighted.ingest.batches[0]
    let header = batch.header
    var seen = Set<String>()
    for column in header where !seen.insert(HeaderName.normalized(column)).inserted {
      throw PipelineError.duplicateHeader(file: data, column: column)
    }
    if seen.contains(HeaderName.normalized(name)) { throw PipelineError.weightColumnExists(file: data, column: name) }
    let text = try Ingest.read(
      [BatchSource(path: data, name: data, read: read)],
      schema: IngestSchema(
        fields: header.map { IngestField(name: $0, type: .text, lineBreaks: true) }, reportsUnknownColumns: false,
        missingColumnIsFatal: true, missingTokens: []))
    precondition(text.table.rowCount == weighted.ingest.table.rowCount, "the two reads of one file agree")
    let weights = weighted.weighting.weights
    let bytes = Self.csv(text.table, header: header, weightName: name, weights: weights, batch: batch)
    var files = [(output, bytes)]
    if let report { files.append((report, Array(weighted.weighting.diagnostics.json().utf8))) }
    try Self.write(files)
    return Outcome(rows: weights.count, diagnostics: weighted.weighting.diagnostics, notes: weighted.notes)
  }

  /// The file's records with the weight appended, in the input's dialect.
  static func csv(_ table: DataTable, header: [String], weightName: String, weights: [Double], batch: BatchReport) -> [UInt8] {
    let delimiter = batch.delimiter
    let separator = String(UnicodeScalar(delimiter))
    var text = batch.byteOrderMark ? "\u{FEFF}" : ""
    text += (header + [weightName]).map { CSVWriter.escape($0, delimiter: delimiter) }.joined(separator: separator) + "\n"
    let columns = header.map { table.column($0)! }
    for row in 0..<table.rowCount {
      var cells = columns.map { CSVWriter.escape($0.original(row: row) ?? "", delimiter: delimiter) }
      var weight = NumberFormatting.string(weights[row])
      if batch.decimal == UInt8(ascii: ",") { weight = weight.replacingOccurrences(of: ".", with: ",") }
      cells.append(CSVWriter.escape(weight, delimiter: delimiter))
      text += cells.joined(separator: separator) + "\n"
    }
    return Array(text.utf8)
  }

  /// Writes every file through a temporary one beside it, then renames them all: a failure
  /// leaves no file half written and none replaced.
  static func write(_ files: [(path: String, bytes: [UInt8])]) throws {
    var staged: [(temporary: URL, final: URL)] = []
    defer { for file in staged { try? FileManager.default.removeItem(at: file.temporary) } }
    for (path, bytes) in files {
      let final = URL(fileURLWithPath: path)
      let folder = final.deletingLastPathComponent()
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
        throw PipelineError.unwritable(path: path, reason: "the folder \(folder.path) does not exist")
      }
      if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
        throw PipelineError.unwritable(path: path, reason: "it is a folder; give a file name")
      }
      PartialFiles.removeLeftovers(of: path)
      let temporary = URL(fileURLWithPath: PartialFiles.path(for: path))
      do {
        try Data(bytes).write(to: temporary)
      } catch {
        throw PipelineError.unwritable(path: path, reason: "the file cannot be created there")
      }
      staged.append((temporary, final))
    }
    for file in staged {
      guard rename(file.temporary.path, file.final.path) == 0 else {
        throw PipelineError.unwritable(path: file.final.path, reason: String(cString: strerror(errno)))
      }
    }
    staged.removeAll()
  }

  /// Whether two paths name the same file.
  static func samePath(_ a: String, _ b: String) -> Bool {
    URL(fileURLWithPath: a).standardizedFileURL.resolvingSymlinksInPath().path
      == URL(fileURLWithPath: b).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
