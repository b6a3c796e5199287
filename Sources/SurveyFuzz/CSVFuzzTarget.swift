import SurveyCore
import SurveyIngest
import SurveyValidate

/// The CSV reader under fuzzing: each input is one batch file, read by `Ingest.read` with the
/// Moldova codebook (every variable type, missing codes, a `pii` column) and then validated.
///
/// The input's length modulo 4 picks how it is read, so that one corpus reaches every path:
/// 0 everything detected; 1 `;` and decimal comma declared; 2 Windows-1251 declared and line
/// breaks allowed in text columns; 3 UTF-8 and tab declared, line breaks allowed, coded answers
/// and headers read as labels (a Kobo export made with labels; codes are still read).
/// Beside crashes, the checks in `CSVFuzzTarget+Checks.swift` catch lost lines and records and
/// cells that break the column invariants.
public struct CSVFuzzTarget: FuzzTarget {
  public static let name = "csv"

  /// How an input is read, picked by its length.
  struct Variant {
    var read: ReadOptions
    var lineBreaks: Bool
  }

  static let variants = [
    Variant(read: ReadOptions(), lineBreaks: false),
    Variant(read: ReadOptions(delimiter: UInt8(ascii: ";"), decimal: UInt8(ascii: ",")), lineBreaks: false),
    Variant(read: ReadOptions(encoding: .windows1251), lineBreaks: true),
    Variant(read: ReadOptions(encoding: .utf8, delimiter: UInt8(ascii: "\t"), values: .labels, headers: .labels), lineBreaks: true),
  ]

  let codebook: Codebook
  /// The codebook's schema, as is and with line breaks allowed in every text column but the id.
  let schemas: (plain: IngestSchema, lineBreaks: IngestSchema)
  /// - Throws: when fixtures/moldova/codebook.yml cannot be read.
  public init() throws {
    codebook = try Codebook.load(path: FuzzInputs.path("fixtures/moldova/codebook.yml"))
    let plain = IngestSchema(codebook: codebook)
    var lineBreaks = plain
    for index in lineBreaks.fields.indices where lineBreaks.fields[index].type == .text {
      lineBreaks.fields[index].lineBreaks = lineBreaks.fields[index].name != codebook.idVariable
    }
    schemas = (plain, lineBreaks)
  }

  public func violations(of input: [UInt8]) -> [String] {
    let variant = Self.variants[input.count % Self.variants.count]
    // In memory: writing each input to a file cost more than reading it (170 inputs a second).
    let source = BatchSource(path: "batch.csv", name: "batch.csv", read: variant.read, contents: input)
    let result: IngestResult
    do {
      result = try Ingest.read([source], schema: variant.lineBreaks ? schemas.lineBreaks : schemas.plain)
    } catch let error as IngestError {
      return (error.errorDescription ?? "").isEmpty ? ["an IngestError without a message: \(error)"] : []
    } catch {
      return ["Ingest.read threw \(type(of: error)), not an IngestError: \(error)"]
    }
    var found = Self.ingestViolations(result, inputBytes: input.count)
    guard found.isEmpty else { return found }
    do {
      let findings = try Validate.run(result.table, codebook: codebook)
      found += Self.findingViolations(findings, table: result.table, lines: result.batches[0].lines.total, stage: "validate")
    } catch {
      // Every expression of the codebook names one of its variables, which every table has.
      found.append("Validate.run threw on an ingested table: \(error)")
    }
    return found
  }
}
